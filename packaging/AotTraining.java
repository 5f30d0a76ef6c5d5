// SPDX-License-Identifier: Apache-2.0

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts an AOT cache (JDK 25, JEP 483/514) into an app image that jpackage has just written, so
 * the installed app starts with its classes already loaded and linked. A cache is only used with
 * the runtime and the class path it was made with, so it is made here, on each OS, by the app
 * image's own launcher: a plain run of the embedded demo (it signs in, syncs, paints and quits,
 * {@code PT_SMOKE_EXIT_AFTER_PAINT=1}, leaving a cache and its first-screen snapshot), then a
 * training run with {@code -XX:AOTMode=record} that starts the way a desk starts every day after
 * (the account resumed offline: the snapshot painted, the cache opened, the live list painted), then
 * {@code -XX:AOTMode=create} writes {@value #CACHE} beside the jars. The launcher's
 * configuration file then starts the app with {@code -XX:AOTCache=$APPDIR/practicetext.aot}.
 *
 * <p>The options go into the launcher's {@code .cfg} for each step: the runtime image has no
 * {@code java} command ({@code --strip-native-commands}), and the launcher's own class path and
 * options must be the ones the cache is made with. A step that fails stops the build with what
 * the run printed; the image is then left without a cache rather than with a stale one.
 */
final class AotTraining {
    static final String CACHE = "practicetext.aot";
    static final String CONFIGURATION = "practicetext.aotconf";
    /** A training run takes 10–20 s on a quiet machine; a hung one must not hold CI. */
    static final long TIMEOUT_SECONDS = Long.getLong("installers.aot.timeout", 300);

    private AotTraining() {
    }

    /** Where jpackage puts the launcher and its {@code .cfg} (with the jars) in each OS's app image. */
    record Layout(Path launcher, Path config) {
        static Layout of(BuildInstallers.Os os, Path appImage) {
            return switch (os) {
                case LINUX -> new Layout(appImage.resolve("bin/PracticeText"), appImage.resolve("lib/app/PracticeText.cfg"));
                case WINDOWS -> new Layout(appImage.resolve("PracticeText.exe"), appImage.resolve("app/PracticeText.cfg"));
                case MACOS -> new Layout(appImage.resolve("Contents/MacOS/PracticeText"), appImage.resolve("Contents/app/PracticeText.cfg"));
            };
        }
    }

    static void train(BuildInstallers.Os os, Path appImage, Path work, Map<String, String> env) throws IOException, InterruptedException {
        Layout layout = Layout.of(os, appImage);
        Path appDir = layout.config().getParent();
        Path cache = appDir.resolve(CACHE);
        Path configuration = appDir.resolve(CONFIGURATION);
        String original = Files.readString(layout.config(), StandardCharsets.UTF_8);
        if (original.contains("-XX:AOT")) {
            throw new IllegalStateException(layout.config() + " has AOT options already; the app image was not fresh");
        }
        long started = System.nanoTime();
        Path data = Files.createTempDirectory(work, "aot-training-");
        try {
            // First a plain start of the embedded demo: it signs in, syncs, paints and closes, leaving what an installed
            // desk has at every later start (a cache, the first-screen snapshot); with the account remembered, the
            // recorded run is that later start: offline (the demo relay is gone), it paints the snapshot, then the list.
            launch(os, layout.launcher(), work, true, "the warm-up run (the demo signs in and closes)", data, true);
            rememberDemoAccount(data);
            Files.writeString(layout.config(), withJavaOptions(original,
                    "-XX:AOTMode=record", "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION), StandardCharsets.UTF_8);
            String recorded = launch(os, layout.launcher(), work, true, "the training run (-XX:AOTMode=record: a resume)", data, false);
            if (!Files.isRegularFile(configuration) || Files.size(configuration) == 0) {
                throw failed("the training run wrote no " + CONFIGURATION, recorded);
            }
            if (os != BuildInstallers.Os.WINDOWS && !recorded.contains("painted: SMS list")) {
                // A Windows GUI launcher may print nowhere; its exit status and the file are the proof there.
                throw failed("the training run never painted the SMS list", recorded);
            }
            if (os != BuildInstallers.Os.WINDOWS && !recorded.contains("painted: snapshot")) {
                throw failed("the training run did not paint the first-screen snapshot (did the warm-up run close normally?)", recorded);
            }
            Files.writeString(layout.config(), withJavaOptions(original,
                    "-XX:AOTMode=create", "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION, "-XX:AOTCache=$APPDIR/" + CACHE), StandardCharsets.UTF_8);
            String created = launch(os, layout.launcher(), work, false, "making the cache (-XX:AOTMode=create)", data, false);
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw failed("-XX:AOTMode=create wrote no " + CACHE, created);
            }
            Files.delete(configuration);
            Files.writeString(layout.config(), withJavaOptions(original, "-XX:AOTCache=$APPDIR/" + CACHE), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.writeString(layout.config(), original, StandardCharsets.UTF_8);
            Files.deleteIfExists(configuration);
            Files.deleteIfExists(cache);
            throw e;
        } finally {
            BuildInstallers.fresh(data);
            Files.delete(data);
        }
        System.out.printf("installers: AOT cache %s (%s), trained and made in %.1f s; the launcher starts with -XX:AOTCache=$APPDIR/%s%n",
                cache, BuildInstallers.size(cache), (System.nanoTime() - started) / 1e9, CACHE);
    }

    /** The launcher's configuration with {@code options} added after its last {@code java-options} line. */
    static String withJavaOptions(String config, String... options) {
        List<String> lines = new ArrayList<>(config.lines().toList());
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("java-options=")) {
                last = i;
            }
        }
        if (last < 0) {
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) {
                lines.add("[JavaOptions]");
                section = lines.size() - 1;
            }
            last = section;
        }
        for (int i = 0; i < options.length; i++) {
            lines.add(last + 1 + i, "java-options=" + options[i]);
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * The demo's account as the sign-in screen would remember it: the embedded relay's fixed port
     * ({@code Main.DEMO_PORT}), the demo practice ({@code DemoPractice.SLUG}) and its first team member.
     */
    static void rememberDemoAccount(Path data) throws IOException {
        java.util.Properties account = new java.util.Properties();
        account.setProperty("relay", "http://127.0.0.1:47080");
        account.setProperty("practice", "demo");
        account.setProperty("username", "alex");
        try (java.io.Writer out = Files.newBufferedWriter(data.resolve("practicetext/account.properties"), StandardCharsets.UTF_8)) {
            account.store(out, "PracticeText: the account to resume (AOT training)");
        }
    }

    /**
     * Starts the launcher on {@code data} (the embedded demo when {@code demo}), under Xvfb on Linux
     * when there is no display; returns what it printed, or fails the build with it.
     */
    static String launch(BuildInstallers.Os os, Path launcher, Path work, boolean display, String what, Path data, boolean demo)
            throws IOException, InterruptedException {
        Path log = work.resolve("aot-training.log");
        List<String> command = new ArrayList<>();
        String currentDisplay = System.getenv("DISPLAY");
        if (display && os == BuildInstallers.Os.LINUX && (currentDisplay == null || currentDisplay.isBlank())) {
            if (!onPath("xvfb-run")) {
                throw new IllegalStateException("installers: the AOT training run needs a display: there is no DISPLAY and no xvfb-run"
                        + " (install xvfb and xauth, or build with -Dinstallers.aot=false for an image without the cache)");
            }
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PT_DATA_DIR", data.resolve("practicetext").toString());
        if (demo) {
            environment.put("PT_DEMO", "1");
        }
        environment.remove("PT_RELAY_URL");
        environment.put("PT_SMOKE_EXIT_AFTER_PAINT", "1");
        if (os != BuildInstallers.Os.WINDOWS) {
            environment.put("HOME", data.toString());
        }
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.remove("JDK_JAVA_OPTIONS");
        System.out.println("installers: AOT: " + what + ": " + String.join(" ", command));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw failed(what + " did not finish within " + TIMEOUT_SECONDS + " s", Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw failed(what + " exited with status " + process.exitValue(), output);
        }
        return output;
    }

    static IllegalStateException failed(String why, String output) {
        System.err.println(output);
        return new IllegalStateException("installers: the AOT cache could not be made: " + why
                + " (its output is above; -Dinstallers.aot=false builds an image without the cache)");
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
