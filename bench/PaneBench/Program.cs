// bench/pane.sh's driver. Usage: PaneBench <pane page URL> [loads]
// Serves ./wwwroot (the floor) on a loopback port through MapStaticAssets, then loads the pane and
// the floor, alternately, each in a new browser context (nothing cached), with office.js answered by
// a stub; prints what the first view downloaded from the host and the median time from navigation
// start to the first interactive control (the pane's "pane-ready" mark: its first view rendered
// with its data; the floor's mark: its scripts ran and its button is on screen).
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

const string OfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Outlook's Office.onReady with no item open: the pane shows its plain-browser home (next actions).
const string OfficeStub = "window.Office={onReady:function(cb){var i={host:null,platform:null};if(cb)cb(i);return Promise.resolve(i);}};";

var paneUrl = new Uri(args.Length > 0 ? args[0] : throw new ArgumentException("Usage: PaneBench <pane page URL> [loads]"));
var loads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
// The floor's own port: FLOOR_PORT, or a free one.
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("FLOOR_PORT") ?? "0"}");
var floorHost = builder.Build();
floorHost.MapStaticAssets();
await floorHost.StartAsync();
var floorBase = floorHost.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var floorUrl = new Uri(new Uri(floorBase.TrimEnd('/') + "/"), "floor.html");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async Task<Load> LoadOnce(Uri url, string readySelector)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 720 } });
    await context.RouteAsync(OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = OfficeStub }));
    var page = await context.NewPageAsync();
    var files = new List<(string Path, long Wire, long Raw)>();
    var pending = new List<Task>();
    page.Response += (_, response) =>
    {
        var u = new Uri(response.Url);
        if (u.Host != url.Host || u.Port != url.Port || !(u.AbsolutePath.EndsWith(".js", StringComparison.Ordinal) || u.AbsolutePath.EndsWith(".css", StringComparison.Ordinal))) return;
        pending.Add(Task.Run(async () =>
        {
            var headers = await response.AllHeadersAsync();
            var body = await response.BodyAsync();
            var wire = headers.TryGetValue("content-length", out var length) ? long.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : body.Length;
            lock (files) files.Add((u.AbsolutePath, wire, body.Length));
        }));
    };
    await page.GotoAsync(url.ToString());
    await page.Locator(readySelector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
    await page.WaitForFunctionAsync("() => performance.getEntriesByName('pane-ready').length > 0");
    var ms = await page.EvaluateAsync<double>("() => performance.getEntriesByName('pane-ready')[0].startTime");
    await Task.WhenAll(pending);
    return new Load(ms, files);
}

// One warm-up load of each (JIT, Chromium's own start), not counted.
await LoadOnce(paneUrl, "html[data-ready] main a, html[data-ready] main button");
await LoadOnce(floorUrl, "main button");
var pane = new List<Load>();
var floor = new List<Load>();
for (var i = 0; i < loads; i++)
{
    pane.Add(await LoadOnce(paneUrl, "html[data-ready] main a, html[data-ready] main button"));
    floor.Add(await LoadOnce(floorUrl, "main button"));
}

using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
async Task<long> Encoded(Uri origin, string path, string encoding)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(origin, path));
    request.Headers.AcceptEncoding.ParseAdd(encoding);
    using var response = await http.SendAsync(request);
    return (await response.Content.ReadAsByteArrayAsync()).LongLength;
}

async Task<Bytes> Measure(Uri origin, Load load)
{
    long raw = 0, gzip = 0, brotli = 0, wire = 0;
    foreach (var (path, onWire, rawLength) in load.Files.DistinctBy(f => f.Path))
    {
        raw += rawLength;
        wire += onWire;
        gzip += await Encoded(origin, path, "gzip");
        brotli += await Encoded(origin, path, "br");
    }
    return new Bytes(load.Files.DistinctBy(f => f.Path).Count(), raw, gzip, brotli, wire);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

var paneBytes = await Measure(paneUrl, pane[0]);
var floorBytes = await Measure(floorUrl, floor[0]);
var paneMedian = Median(pane.Select(l => l.Ms));
var floorMedian = Median(floor.Select(l => l.Ms));
static string Kb(long b) => $"{b / 1024.0,8:F1}";
Console.WriteLine($"first view, {loads} loads each (new browser context per load, office.js stubbed, 320 px)");
Console.WriteLine($"{"page",-8} {"files",5} {"raw KB",8} {"gzip KB",8} {"br KB",8} {"wire KB",8} {"median ms",10} {"min ms",8} {"max ms",8}");
foreach (var (name, bytes, runs) in new[] { ("pane", paneBytes, pane), ("floor", floorBytes, floor) })
    Console.WriteLine($"{name,-8} {bytes.Files,5} {Kb(bytes.Raw)} {Kb(bytes.Gzip)} {Kb(bytes.Brotli)} {Kb(bytes.Wire)} {Median(runs.Select(l => l.Ms)),10:F1} {runs.Min(l => l.Ms),8:F1} {runs.Max(l => l.Ms),8:F1}");
Console.WriteLine($"pane / floor, median to interactive: {paneMedian / floorMedian:F2}");
Console.WriteLine($"pane's own JS+CSS on the wire: {paneBytes.Wire / 1024.0:F1} KB (target < 40 KB)");

await floorHost.StopAsync();
return 0;

internal sealed record Load(double Ms, List<(string Path, long Wire, long Raw)> Files);

internal sealed record Bytes(int Files, long Raw, long Gzip, long Brotli, long Wire);
