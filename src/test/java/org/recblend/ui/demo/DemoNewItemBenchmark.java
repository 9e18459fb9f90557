package org.recblend.ui.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recblend.results.DemoFixture;
import org.recblend.results.DemoNewItem;
import org.recblend.ui.task.TaskExecutor;

/**
 * How long the demo takes to place a new item after the last keystroke, on the retail sample with
 * the encoder already loaded: descriptions are typed one character every 60 ms through the view
 * model (a single "UI" thread stands in for the JavaFX thread, work runs on a pool as in the app),
 * and the clock runs from the last keystroke until the answer for the full text is set. The
 * figure includes the debounce pause ({@value Debouncer#DEFAULT_MILLIS} ms). Target: within 1 s.
 * Run: mvn -o -q test -Dtest.excludedGroups=none -Dtest=DemoNewItemBenchmark
 */
@Tag("benchmark")
class DemoNewItemBenchmark {
    private static final String[] TEXTS = {
        "A light waterproof jacket for hill walking",
        "Cast iron frying pan that goes in the oven",
        "Wireless noise cancelling earbuds with a long battery",
        "Soft cotton summer dress with a floral print",
        "Stainless steel water bottle that keeps drinks cold",
        "Wooden puzzle toy for toddlers",
        "Smart plug you can switch from your phone",
        "Trail running shoes with a grippy sole",
        "Non-stick baking tray for cakes and cookies",
        "Compact tent for two people, quick to pitch",
    };

    @Test
    void answerTimeAfterTheLastKeystroke() throws Exception {
        DemoFixture fx = DemoFixture.get();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService pool = Executors.newCachedThreadPool();
        TaskExecutor executor = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                pool.execute(() -> {
                    try {
                        T r = work.call();
                        ui.execute(() -> onSuccess.accept(r));
                    } catch (Exception e) {
                        ui.execute(() -> onFailure.accept(e));
                    }
                });
            }

            @Override
            public void shutdown() {
                pool.shutdown();
            }
        };
        DemoViewModel vm = ui.submit(() -> new DemoViewModel(fx.store, executor, Debouncer.of(Debouncer.DEFAULT_MILLIS, ui::execute)))
                .get();
        ui.submit(vm::refreshRuns).get();
        long loadStart = System.nanoTime();
        while (ui.submit(() -> vm.runProperty().get() == null || !vm.newItemAvailableProperty().get()).get()) {
            Thread.sleep(20);
        }
        System.out.printf("run loaded with the encoder warm in %d ms (MiniLM quantized, %d items)%n",
                (System.nanoTime() - loadStart) / 1_000_000, ui.submit(() -> vm.runProperty().get().itemCount()).get());

        List<Long> afterKeystroke = new ArrayList<>();
        List<Long> compute = new ArrayList<>();
        List<Long> encode = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String text : TEXTS) {
                CountDownLatch done = new CountDownLatch(1);
                long[] answeredAt = new long[1];
                DemoNewItem.Answer[] answer = new DemoNewItem.Answer[1];
                ui.submit(() -> vm.newItemAnswerProperty().addListener((o, old, now) -> {
                    if (now != null && now.text().equals(text) && done.getCount() > 0) {
                        answeredAt[0] = System.nanoTime();
                        answer[0] = now;
                        done.countDown();
                    }
                })).get();
                long last = 0;
                for (int n = 1; n <= text.length(); n++) {
                    String typed = text.substring(0, n);
                    ui.submit(() -> vm.newItemTextProperty().set(typed)).get();
                    last = System.nanoTime();
                    if (n < text.length()) {
                        Thread.sleep(60);
                    }
                }
                if (!done.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("no answer for " + text);
                }
                if (round == 1) {
                    afterKeystroke.add((answeredAt[0] - last) / 1_000_000);
                    compute.add(answer[0].totalMillis());
                    encode.add(answer[0].encodeMillis());
                }
                ui.submit(() -> vm.newItemTextProperty().set("")).get();
            }
        }
        System.out.printf("new item, last keystroke to answer shown (debounce %d ms included), %d descriptions: median %d ms, max %d ms%n",
                Debouncer.DEFAULT_MILLIS, afterKeystroke.size(), median(afterKeystroke), Collections.max(afterKeystroke));
        System.out.printf("  of which encode + rank: median %d ms, max %d ms; encoder alone: median %d ms, max %d ms%n",
                median(compute), Collections.max(compute), median(encode), Collections.max(encode));
        vm.dispose();
        executor.shutdown();
        ui.shutdown();
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
