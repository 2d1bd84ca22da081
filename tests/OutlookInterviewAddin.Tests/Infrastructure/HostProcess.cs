using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OutlookInterviewAddin.Tests.Manifest;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// The built host started as a process of its own (`dotnet OutlookInterviewAddin.dll`), with its own
/// data folder, for what only a real start shows: which address it listens on, what it logs first.
/// Disposing kills it and deletes the folder.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // Settings of the test run's own environment that would decide the answer for the host.
    private static readonly string[] InheritedSettings =
        ["ASPNETCORE_URLS", "URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HostProcess(Process process, string dataDirectory)
    {
        this.process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    /// <summary>What the host wrote to stdout so far, line by line.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <param name="hostDirectory">Where OutlookInterviewAddin.dll is; the host's build output unless a test published it elsewhere.</param>
    public static HostProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? hostDirectory = null)
    {
        hostDirectory ??= HostBuildDirectory();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(DotnetExecutable)
        {
            WorkingDirectory = hostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(hostDirectory, "OutlookInterviewAddin.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in InheritedSettings) start.Environment.Remove(name);
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, dataDirectory);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host.output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host.output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The dotnet executable running these tests, so a host can start with a PATH that has nothing else.</summary>
    public static string DotnetExecutable { get; } = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Whether GET /health at <paramref name="baseUrl"/> answers 200 before <paramref name="within"/> runs out or the host exits.</summary>
    public async Task<bool> AnswersHealthAsync(string baseUrl, TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>Kills the host at once (SIGKILL: no shutdown, no cleanup), keeping its data folder for a host started after it.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Stdout so far, for a failure message.</summary>
    public string Transcript() => string.Join(Environment.NewLine, Output);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        if (DeleteDataOnDispose)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>False for a host whose data folder a host started after it goes on using.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    // The host's own build output, of the same configuration as these tests (bin/Debug or bin/Release).
    private static string HostBuildDirectory()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDirectory.Parent!.Name;
        var directory = Path.Combine(RepositoryFiles.Root, "src", "OutlookInterviewAddin", "bin", configuration, testDirectory.Name);
        if (!File.Exists(Path.Combine(directory, "OutlookInterviewAddin.dll")))
            throw new InvalidOperationException($"The host is not built in {directory}; build the solution first.");
        return directory;
    }
}
