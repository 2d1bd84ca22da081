using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>
/// The host on a real loopback port (Kestrel, plain HTTP: loopback is a secure context for the
/// browser), in local mode unless <see cref="Settings"/> say otherwise, with its own data folder.
/// </summary>
public sealed class PaneHost : WebApplicationFactory<Program>
{
    private readonly TestOutputSink sink;

    public PaneHost(TestOutputSink sink)
    {
        this.sink = sink;
        // Listen, not UseKestrel(port): the port overload edits the server addresses after the app may have started Kestrel (a race).
        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "oia-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The address the browser opens, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel reports the loopback binding as localhost or an IP; the browser needs a concrete one.
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new TestOutputLoggerProvider(sink));
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
