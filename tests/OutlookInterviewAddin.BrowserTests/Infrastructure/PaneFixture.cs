using Microsoft.Playwright;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>
/// One host and one Chromium for every browser test (the machines have two cores). Each test gets
/// its own browser context, so no cookie, storage or route leaks between tests.
/// </summary>
public sealed class PaneFixture : IAsyncLifetime
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public TestOutputSink Sink { get; } = new();

    public PaneHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Task InitializeAsync() => InitializeAsync(_ => { });

    /// <summary>Starts a host configured by <paramref name="configure"/> (for example Microsoft 365 mode settings).</summary>
    public async Task InitializeAsync(Action<PaneHost> configure)
    {
        Host = new PaneHost(Sink);
        configure(Host);
        Host.Start();
        // The machines are small and shared: give assertions time rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's Chromium, or the one CHROMIUM_PATH names; never a download.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromiumPath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at '{path}', and it is not there. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        Host?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedPane : ICollectionFixture<PaneFixture>
{
    public const string Name = "Pane in Chromium";
}
