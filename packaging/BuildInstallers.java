// SPDX-License-Identifier: Apache-2.0

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds PracticeText's installer on the OS it runs on: the runtime image (jlink, from
 * {@code jlink.config}), the app image (jpackage, from {@code packaging/common.jpackage} and
 * {@code packaging/<os>/app-image.jpackage}) and the installers ({@code packaging/<os>/installer.jpackage}):
 * a .deb on Linux, an .msi on Windows, a .dmg and a .pkg on macOS. Every OS difference is in
 * those argument files; this program only runs the tools in order, derives the version numbers
 * the installers accept, and adds macOS signing and notarization when their secrets are set.
 *
 * <p>Run by the app module's {@code installers} profile, from the project's top folder (the
 * argument files' paths are relative to it), with the JDK that runs Maven:
 * {@code java packaging/BuildInstallers.java VERSION APP_JAR WORK_DIR}. Maven has already copied
 * the app's runtime libraries to {@code WORK_DIR/input} and the JavaFX jars to
 * {@code WORK_DIR/javafx}. {@code -Dinstallers.types=app-image} stops after the app image.
 */
public final class BuildInstallers {
    enum Os {
        LINUX("linux", "PracticeText", List.of("deb")),
        WINDOWS("windows", "PracticeText", List.of("msi")),
        MACOS("macos", "PracticeText.app", List.of("dmg", "pkg"));

        final String folder;
        final String appImageName;
        final List<String> installerTypes;

        Os(String folder, String appImageName, List<String> installerTypes) {
            this.folder = folder;
            this.appImageName = appImageName;
            this.installerTypes = installerTypes;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.contains("win") ? WINDOWS : name.contains("mac") ? MACOS : LINUX;
        }
    }

    private BuildInstallers() {
    }

    public static void main(String[] args) throws Exception {
        String projectVersion = args[0];
        Path appJar = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        Os os = Os.current();
        Map<String, String> env = System.getenv();
        String version = installerVersion(projectVersion, os);
        System.out.printf("installers: %s, version %s (project %s)%n", os.folder, version, projectVersion);

        Path input = work.resolve("input");
        Files.copy(appJar, input.resolve(appJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        Path runtime = fresh(work.resolve("runtime"));
        Files.delete(runtime); // jlink wants to create it
        run("jlink", "@jlink.config", "--module-path", javafxModulePath(work, env).toString(), "--output", runtime.toString());

        Path images = fresh(work.resolve("image"));
        List<String> image = new ArrayList<>(List.of("@packaging/common.jpackage", "@packaging/" + os.folder + "/app-image.jpackage",
                "--type", "app-image", "--input", input.toString(), "--main-jar", appJar.getFileName().toString(),
                "--runtime-image", runtime.toString(), "--app-version", version, "--dest", images.toString()));
        run("jpackage", image.toArray(String[]::new));
        Path appImage = images.resolve(os.appImageName);
        if (Boolean.parseBoolean(System.getProperty("installers.aot", "true"))) {
            AotTraining.train(os, appImage, work, env);
        } else {
            System.out.println("installers: -Dinstallers.aot=false: the app image has no AOT cache");
        }
        List<String> signing = macSigning(os, env);
        if (!signing.isEmpty()) {
            // Signed after the AOT cache is in: the cache and the launcher's options are part of what is signed.
            List<String> sign = new ArrayList<>(List.of("--type", "app-image", "--app-image", appImage.toString()));
            sign.addAll(signing);
            run("jpackage", sign.toArray(String[]::new));
        } else if (os == Os.MACOS) {
            // jpackage seals an unsigned app ad hoc; the cache and the .cfg changed after that, so seal it again.
            System.out.println("installers: the app image is unsigned: sealing it again ad hoc (codesign --sign -) after the AOT cache went in");
            command("codesign", "--force", "--deep", "--sign", "-", appImage.toString());
        }
        System.out.printf("installers: runtime image %s (%s), app image %s (%s)%n", runtime, size(runtime), appImage, size(appImage));

        if (System.getProperty("installers.types", "").equals("app-image")) {
            return;
        }
        Path dist = fresh(work.resolve("dist"));
        for (String type : os.installerTypes) {
            List<String> installer = new ArrayList<>(List.of("@packaging/" + os.folder + "/installer.jpackage", "--type", type,
                    "--app-image", appImage.toString(), "--app-version", version, "--dest", dist.toString()));
            installer.addAll(macSigning(os, env));
            run("jpackage", installer.toArray(String[]::new));
        }
        try (Stream<Path> built = Files.list(dist)) {
            for (Path file : built.sorted().toList()) {
                System.out.printf("installers: %s (%s)%n", file, size(file));
                if (os == Os.MACOS) {
                    notarize(file, env);
                }
            }
        }
    }

    /**
     * The version the installers carry: the project version's numbers without its qualifier
     * (0.1.0-SNAPSHOT → 0.1.0). MSI accepts major.minor.build with major and minor at most 255 and
     * build at most 65535; macOS wants a first number of at least 1, so a 0.x version is built as
     * 1.x there (a note says so; the project should be 1.0 before its first Mac release).
     */
    static String installerVersion(String projectVersion, Os os) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?").matcher(projectVersion);
        if (!m.find()) {
            throw new IllegalArgumentException("The project version " + projectVersion + " does not start with numbers (1.2.3).");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int build = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (major > 255 || minor > 255 || build > 65535) {
            throw new IllegalArgumentException("MSI versions allow major and minor up to 255 and build up to 65535: " + projectVersion);
        }
        if (os == Os.MACOS && major == 0) {
            System.out.printf("installers: macOS needs a first version number of at least 1: %s is built as 1.%d.%d%n", projectVersion, minor, build);
            major = 1;
        }
        return major + "." + minor + "." + build;
    }

    /**
     * The JavaFX modules for jlink: the JavaFX jmods when {@code PT_JAVAFX_JMODS} names their
     * folder (signed macOS builds need them: their native libraries go into the runtime instead of
     * being unpacked at run time, which a hardened runtime refuses), otherwise the platform jars
     * Maven resolved ({@code javafx-graphics-25.0.4-linux.jar}); the jar without a platform is empty.
     */
    static Path javafxModulePath(Path work, Map<String, String> env) throws IOException {
        String jmods = env.get("PT_JAVAFX_JMODS");
        if (jmods != null && !jmods.isBlank()) {
            System.out.println("installers: JavaFX from the jmods in " + jmods);
            return Path.of(jmods);
        }
        Path modules = fresh(work.resolve("javafx-modules"));
        Pattern platformJar = Pattern.compile("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar");
        try (Stream<Path> jars = Files.list(work.resolve("javafx"))) {
            for (Path jar : jars.filter(j -> platformJar.matcher(j.getFileName().toString()).matches()).toList()) {
                Files.copy(jar, modules.resolve(jar.getFileName()));
            }
        }
        return modules;
    }

    /** jpackage's signing options when {@code PT_MAC_SIGNING_IDENTITY} is set on macOS, else a line that says it is skipped. */
    static List<String> macSigning(Os os, Map<String, String> env) {
        if (os != Os.MACOS) {
            return List.of();
        }
        String identity = env.get("PT_MAC_SIGNING_IDENTITY");
        if (identity == null || identity.isBlank()) {
            System.out.println("installers: PT_MAC_SIGNING_IDENTITY is not set: signing skipped, the app is unsigned");
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("--mac-sign", "--mac-signing-key-user-name", identity));
        String keychain = env.get("PT_MAC_SIGNING_KEYCHAIN");
        if (keychain != null && !keychain.isBlank()) {
            options.addAll(List.of("--mac-signing-keychain", keychain));
        }
        return options;
    }

    /** Notarizes and staples a signed .dmg or .pkg when the notary credentials are set; says so when skipped. */
    static void notarize(Path file, Map<String, String> env) throws IOException, InterruptedException {
        String appleId = env.get("PT_MAC_NOTARY_APPLE_ID");
        String team = env.get("PT_MAC_NOTARY_TEAM_ID");
        String password = env.get("PT_MAC_NOTARY_PASSWORD");
        if (env.get("PT_MAC_SIGNING_IDENTITY") == null || appleId == null || team == null || password == null) {
            System.out.println("installers: notarization skipped for " + file.getFileName()
                    + " (needs PT_MAC_SIGNING_IDENTITY, PT_MAC_NOTARY_APPLE_ID, PT_MAC_NOTARY_TEAM_ID, PT_MAC_NOTARY_PASSWORD)");
            return;
        }
        command("xcrun", "notarytool", "submit", file.toString(), "--apple-id", appleId, "--team-id", team, "--password", password, "--wait");
        command("xcrun", "stapler", "staple", file.toString());
    }

    /** Runs a JDK tool in this JVM; {@code @file} arguments are expanded here, as the tools' own launchers would. */
    static void run(String tool, String... args) throws IOException {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@")) {
                expanded.addAll(argumentFile(Path.of(arg.substring(1))));
            } else {
                expanded.add(arg);
            }
        }
        System.out.println("installers: " + tool + " " + String.join(" ", expanded));
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"));
        int status = provider.run(System.out, System.err, expanded.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(tool + " failed with status " + status);
        }
    }

    /**
     * The arguments of a jlink/jpackage argument file: separated by white space, "double quotes"
     * keep spaces inside one argument, and a # at the start of an argument comments out the rest
     * of its line.
     */
    static List<String> argumentFile(Path file) throws IOException {
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            StringBuilder arg = new StringBuilder();
            boolean quoted = false;
            boolean inArg = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!quoted && !inArg && c == '#') {
                    break;
                }
                if (c == '"') {
                    quoted = !quoted;
                    inArg = true;
                } else if (!quoted && Character.isWhitespace(c)) {
                    if (inArg) {
                        args.add(arg.toString());
                        arg.setLength(0);
                        inArg = false;
                    }
                } else {
                    arg.append(c);
                    inArg = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException(file + ": a quote is not closed on the line: " + line);
            }
            if (inArg) {
                args.add(arg.toString());
            }
        }
        return args;
    }

    static void command(String... command) throws IOException, InterruptedException {
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(command[0] + " " + command[1] + " failed with status " + status);
        }
    }

    /** An empty folder at {@code dir} (what a previous build left there is removed). */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return Files.createDirectories(dir);
    }

    static String size(Path path) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(path)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
