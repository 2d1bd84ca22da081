using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Hosting;

/// <summary>The built host started as `dotnet run` starts it: where it listens, and what it logs first.</summary>
public sealed class HostStartTests
{
    private static readonly TimeSpan StartTime = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task The_host_listens_where_urls_on_the_command_line_say()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start(["--urls", url]);

        Assert.True(await host.AnswersHealthAsync(url, StartTime), $"No answer at {url}. The host wrote:{Environment.NewLine}{host.Transcript()}");
    }

    [Fact]
    public async Task The_host_listens_where_ASPNETCORE_URLS_says()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start([], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url });

        Assert.True(await host.AnswersHealthAsync(url, StartTime), $"No answer at {url}. The host wrote:{Environment.NewLine}{host.Transcript()}");
    }

    [Fact]
    public async Task The_first_lines_the_host_logs_name_its_mode_and_its_data_folder_and_no_SQL_follows()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start(["--urls", url]);
        Assert.True(await host.AnswersHealthAsync(url, StartTime), $"No answer at {url}. The host wrote:{Environment.NewLine}{host.Transcript()}");

        var entries = LogEntries(host.Output);
        var transcript = host.Transcript();
        Assert.True(entries.Count >= 2, transcript);
        var firstTwo = string.Join(" ", entries.Take(2));
        Assert.Contains("Local mode", entries[0], StringComparison.Ordinal);
        Assert.Contains(host.DataDirectory, firstTwo, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", transcript, StringComparison.Ordinal);
    }

    // The console logger writes "info: Category[0]" and then the message on indented lines.
    private static List<string> LogEntries(IReadOnlyList<string> lines)
    {
        var entries = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > 6 && line[4] == ':' && line[5] == ' ' && !char.IsWhiteSpace(line[0])) entries.Add(line);
            else if (entries.Count > 0) entries[^1] += " " + line.Trim();
        }
        return entries;
    }
}
