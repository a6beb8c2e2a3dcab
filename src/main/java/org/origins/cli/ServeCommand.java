package org.origins.cli;

import org.origins.io.InputException;
import org.origins.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"A local web explorer: the matrix, proofs (why and why-not), models, the evolution tree, comparisons, "
                + "what-if and a recipe editor with live predictions, the rules and the scenarios; and a JSON API behind every "
                + "page (docs/web.md). It watches rules/ and facts/: open pages refresh on every save; broken files are shown "
                + "in the page while the last good rule base keeps answering.",
                "Listens on 127.0.0.1 unless --host is given; saves nothing unless --allow-edit. Ctrl-C stops it."})
class ServeCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
    String host;
    @Option(names = "--allow-edit", description = "Let the recipe editor save models to facts/hypothetical/ (as `origins add`).")
    boolean allowEdit;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new InputException("--port must be between 0 and 65535, found " + port);
        }
        WebServer.Settings settings = new WebServer.Settings(host, port, allowEdit, options.factsDir(), options.rulesDir(),
                options.maxFirings);
        LiveServer server = LiveServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "origins-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("origins serve: " + server.address() + "  (" + String.join("; ", LiveServer.describe(settings)) + "; Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
