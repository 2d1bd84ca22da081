using System.Diagnostics;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>
/// The pane's own unit tests (surface detection, routing, the API client, sign-in, theme) run with
/// node's test runner; running them here makes `dotnet test` the one command that checks everything.
/// </summary>
public sealed class PaneUnitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_pane_unit_tests_pass()
    {
        var paneDirectory = FindPaneDirectory();
        var start = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = paneDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; the pane's build needs Node.js and npm.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);

        Assert.True(npm.ExitCode == 0, $"npm test exited with {npm.ExitCode}; the failing tests are in the output above.");
        Assert.Matches(@"# pass [1-9]\d*", await stdout);
    }

    private static string FindPaneDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "OutlookInterviewAddin", "Pane");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("The pane's sources (src/OutlookInterviewAddin/Pane) were not found above the test output folder.");
    }
}
