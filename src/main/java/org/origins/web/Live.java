package org.origins.web;

import org.origins.explain.WhatIf;
import org.origins.io.Problem;
import org.origins.reasoning.Reasoning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the explorer answers from: the last good reasoning (rules and facts as last loaded without
 * error) and, when the files were saved broken since, their problems. The serve command feeds it from
 * the shell's reload machinery; every change is handed to the listeners (the open pages, through
 * server-sent events). A request reads one {@link #reasoning()} and answers from it alone, so that a
 * reload midway never mixes two rule bases in one answer.
 */
public final class Live {
    /** One reload: its number, the problems of broken files (none when it loaded), the conclusions that changed. */
    public record Reload(long generation, List<String> problems, List<WhatIf.LevelChange> changes, boolean recovered) {
        public Reload {
            problems = List.copyOf(problems);
            changes = List.copyOf(changes);
        }
    }

    /** What a request answers from: the reasoning, the files' problems and the generation, taken together. */
    record State(Reasoning reasoning, List<Problem> problems, long generation) {
    }

    private volatile State state;
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();

    public Live(Reasoning first) {
        this.state = new State(first, List.of(), 1);
    }

    /** The state now, all of it from one reload. */
    State now() {
        return state;
    }

    /** The last good reasoning. */
    public Reasoning reasoning() {
        return state.reasoning();
    }

    /** The problems of the files as last saved, while they do not load (the last good rule base answers meanwhile). */
    public List<Problem> problems() {
        return state.problems();
    }

    /** Counts the reloads that changed something: a page made in one generation is stale in the next. */
    public long generation() {
        return state.generation();
    }

    /**
     * A reload happened: {@code now} is the reasoning to answer from (the same as before when the files are
     * broken), {@code problems} those of broken files.
     */
    public void reloaded(Reasoning now, List<Problem> problems, List<WhatIf.LevelChange> changes, boolean recovered) {
        State next;
        synchronized (this) {
            next = new State(now, List.copyOf(problems), state.generation() + 1);
            state = next;
        }
        Reload r = new Reload(next.generation(), problems.stream().map(Problem::shown).toList(), changes, recovered);
        listeners.forEach(l -> l.accept(r));
    }

    void listen(Consumer<Reload> listener) {
        listeners.add(listener);
    }

    /**
     * A value computed from the reasoning once per generation (the scenarios' run, the disputes): made on
     * first use, made again after a reload.
     */
    static final class Memo<T> {
        private final Function<Reasoning, T> make;
        private Reasoning of;
        private T value;

        Memo(Function<Reasoning, T> make) {
            this.make = make;
        }

        synchronized T get(Reasoning r) {
            if (r != of) {
                value = make.apply(r);
                of = r;
            }
            return value;
        }
    }
}
