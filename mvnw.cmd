@REM SPDX-License-Identifier: Apache-2.0
@REM
@REM PracticeText's Maven wrapper for Windows. Runs the Maven pinned in
@REM .mvn\wrapper\maven-wrapper.properties with a JDK 25 found through JAVA_HOME or PATH.
@REM The first run fetches that Maven from MVNW_REPOURL (a Maven repository's URL), or through
@REM the mvn on PATH, or from the local repository; it checks the SHA-256 before unpacking.
@echo off
setlocal EnableExtensions EnableDelayedExpansion

set "BASE_DIR=%~dp0"
if "%BASE_DIR:~-1%"=="\" set "BASE_DIR=%BASE_DIR:~0,-1%"
set "PROPS=%BASE_DIR%\.mvn\wrapper\maven-wrapper.properties"
if not exist "%PROPS%" (echo mvnw: missing %PROPS% 1>&2 & exit /b 1)
for /f "usebackq tokens=1,* delims==" %%a in ("%PROPS%") do (
  if "%%a"=="maven.version" set "MVN_VERSION=%%b"
  if "%%a"=="maven.sha256.zip" set "MVN_SHA256=%%b"
)
if "%MVN_VERSION%"=="" (echo mvnw: maven.version is not set in %PROPS% 1>&2 & exit /b 1)

@REM --- Java ---------------------------------------------------------------------------------
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
  if not exist "!JAVA_EXE!" (echo mvnw: JAVA_HOME is %JAVA_HOME%, but !JAVA_EXE! is not there. Set JAVA_HOME to a JDK 25. 1>&2 & exit /b 1)
) else (
  set "JAVA_EXE="
  for /f "delims=" %%j in ('where java 2^>nul') do if not defined JAVA_EXE set "JAVA_EXE=%%j"
  if not defined JAVA_EXE (echo mvnw: No Java found. PracticeText needs JDK 25: install one and set JAVA_HOME to it. 1>&2 & exit /b 1)
)
set "JAVA_SPEC="
set "JAVA_REAL_HOME="
for /f "tokens=1,* delims==" %%a in ('"!JAVA_EXE!" -XshowSettings:properties -version 2^>^&1') do (
  set "KEY=%%a"
  set "KEY=!KEY: =!"
  set "VAL=%%b"
  if defined VAL set "VAL=!VAL:~1!"
  if "!KEY!"=="java.specification.version" set "JAVA_SPEC=!VAL!"
  if "!KEY!"=="java.home" set "JAVA_REAL_HOME=!VAL!"
)
if not defined JAVA_SPEC (echo mvnw: Could not tell the version of !JAVA_EXE!. PracticeText needs JDK 25. 1>&2 & exit /b 1)
for /f "tokens=1 delims=." %%m in ("!JAVA_SPEC!") do set /a JAVA_MAJOR=%%m 2>nul
if !JAVA_MAJOR! LSS 25 (echo mvnw: PracticeText needs JDK 25, but !JAVA_EXE! is Java !JAVA_SPEC!. Install a JDK 25 and set JAVA_HOME to it. 1>&2 & exit /b 1)
if not exist "!JAVA_REAL_HOME!\bin\javac.exe" (echo mvnw: !JAVA_REAL_HOME! is a Java runtime without javac: PracticeText needs a JDK 25. 1>&2 & exit /b 1)
set "JAVA_HOME=!JAVA_REAL_HOME!"

@REM --- Maven --------------------------------------------------------------------------------
if defined MAVEN_USER_HOME (set "USER_M2=%MAVEN_USER_HOME%") else (set "USER_M2=%USERPROFILE%\.m2")
set "DIST=%USER_M2%\wrapper\dists\apache-maven-%MVN_VERSION%"
if exist "%DIST%\bin\mvn.cmd" goto run

set "ARCHIVE_NAME=apache-maven-%MVN_VERSION%-bin.zip"
set "REPO_PATH=org/apache/maven/apache-maven/%MVN_VERSION%/%ARCHIVE_NAME%"
set "LOCAL_ARCHIVE=%USER_M2%\repository\org\apache\maven\apache-maven\%MVN_VERSION%\%ARCHIVE_NAME%"
set "WORK=%TEMP%\mvnw-%RANDOM%%RANDOM%"
mkdir "%WORK%"
set "ARCHIVE=%WORK%\%ARCHIVE_NAME%"
if defined MVNW_REPOURL (
  echo mvnw: fetching Maven %MVN_VERSION% from MVNW_REPOURL 1>&2
  powershell -NoProfile -ExecutionPolicy Bypass -Command "$ProgressPreference='SilentlyContinue'; Invoke-WebRequest -UseBasicParsing -Uri ($env:MVNW_REPOURL.TrimEnd('/') + '/' + $env:REPO_PATH) -OutFile $env:ARCHIVE" || (echo mvnw: could not download Maven %MVN_VERSION% from MVNW_REPOURL 1>&2 & exit /b 1)
) else if exist "%LOCAL_ARCHIVE%" (
  copy /y "%LOCAL_ARCHIVE%" "%ARCHIVE%" >nul
) else (
  where mvn >nul 2>nul || (echo mvnw: Maven %MVN_VERSION% is not installed yet, and there is nothing to fetch it with. Install any Maven 3, or set MVNW_REPOURL to your Maven repository's URL, and run again. 1>&2 & exit /b 1)
  echo mvnw: fetching Maven %MVN_VERSION% through the mvn on PATH 1>&2
  pushd "%WORK%"
  call mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dartifact=org.apache.maven:apache-maven:%MVN_VERSION%:zip:bin -Dtransitive=false 1>&2
  popd
  if not exist "%LOCAL_ARCHIVE%" (echo mvnw: the mvn on PATH could not fetch Maven %MVN_VERSION% 1>&2 & exit /b 1)
  copy /y "%LOCAL_ARCHIVE%" "%ARCHIVE%" >nul
)
if defined MVN_SHA256 (
  powershell -NoProfile -ExecutionPolicy Bypass -Command "if ((Get-FileHash -Algorithm SHA256 -LiteralPath $env:ARCHIVE).Hash.ToLower() -ne $env:MVN_SHA256.ToLower()) { exit 1 }" || (echo mvnw: %ARCHIVE_NAME% does not have the expected SHA-256: not using it 1>&2 & exit /b 1)
)
powershell -NoProfile -ExecutionPolicy Bypass -Command "Expand-Archive -LiteralPath $env:ARCHIVE -DestinationPath (Join-Path $env:WORK 'unpacked') -Force" || (echo mvnw: could not unpack %ARCHIVE_NAME% 1>&2 & exit /b 1)
if not exist "%USER_M2%\wrapper\dists" mkdir "%USER_M2%\wrapper\dists"
if not exist "%DIST%\bin\mvn.cmd" move "%WORK%\unpacked\apache-maven-%MVN_VERSION%" "%DIST%" >nul
rmdir /s /q "%WORK%" 2>nul

:run
set "MAVEN_PROJECTBASEDIR=%BASE_DIR%"
"%DIST%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%
