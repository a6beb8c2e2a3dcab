package org.origins.cli;

import org.origins.explain.WhatIfQuery;
import org.origins.kb.InputException;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.Names;
import org.origins.kb.StageRecord;
import org.origins.reasoning.Assumptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"A counterfactual on a model: remove, add or change its training, re-derive in the live session "
                + "(truth maintenance retracts what no longer holds) and print only what changed, for the model and "
                + "every model trained from it, with the rules that made the difference.",
                "Example: origins what-if text-davinci-003 --without-stage rlhf-ppo-with-lm-mix"})
class WhatIfCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "MODEL", description = "The model to change.")
    String model;
    @Option(names = "--without-stage", paramLabel = "KIND|N", description = "Remove its own stages of this kind, or its stage number N. Repeatable.")
    List<String> without = new ArrayList<>();
    @Option(names = "--with-stage", paramLabel = "KIND[:NAME=VALUE,...]", description = "Add a stage after its own. Repeatable.")
    List<String> with = new ArrayList<>();
    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Change a field, as --assume does (parameters=540, parent=davinci, codeShare=8%%). Repeatable.")
    List<String> set = new ArrayList<>();

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        KnowledgeBase before = w.kb();
        String id = Names.model(before, model);
        if (without.isEmpty() && with.isEmpty() && set.isEmpty()) {
            throw new InputException("what-if needs a change: --without-stage, --with-stage or --set");
        }
        ModelRecord m = before.require(id);
        List<String> changes = new ArrayList<>();
        List<StageRecord> stages = new ArrayList<>(m.stages());
        for (String x : without) {
            List<StageRecord> gone = stages.stream().filter(s -> s.kind().equals(x) || String.valueOf(s.order()).equals(x.replace("#", ""))).toList();
            if (gone.isEmpty()) {
                throw new InputException("--without-stage " + x + ": " + id + " has no stage of its own like that"
                        + org.origins.kb.Suggest.hint(x, m.stages().stream().map(StageRecord::kind).distinct().toList())
                        + "; its stages: " + String.join(", ", m.stages().stream().map(s -> "#" + s.order() + " " + s.kind()).toList())
                        + (m.stages().isEmpty() ? "none (it inherits all its training)" : ""));
            }
            stages.removeAll(gone);
            gone.forEach(s -> changes.add("without " + id + "#" + s.order() + " " + s.kind()));
        }
        int next = m.stages().stream().mapToInt(StageRecord::order).max().orElse(0);
        for (String spec : with) {
            StageRecord s = w.stageFromSpec(spec, ++next);
            stages.add(s);
            changes.add("with " + id + "#" + s.order() + " " + spec);
        }
        KnowledgeBase after = before.with(List.of(new ModelRecord(m.id(), m.name(), m.apiName(), m.series(), m.organisation(),
                m.hypothetical(), m.parent(), m.base(), m.parameters(), m.contextLength(), m.positionalEncoding(), m.dataCutoff(),
                m.released(), stages, m.notes(), m.file())));
        if (!set.isEmpty()) {
            List<String> assume = set.stream().map(x -> id + "." + x).toList();
            after = Assumptions.parse(after, assume, "--set", set).apply(after);
            set.forEach(x -> changes.add("set " + x));
        }
        var answer = WhatIfQuery.run(before, after, w.rules(), id, changes, options.maxFirings);
        Output.print(spec, options.format, answer, t -> t.whatIf(answer));
        return Main.OK;
    }
}
