using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.Manifest;

namespace OutlookInterviewAddin.Tests.Deployment;

/// <summary>
/// `dotnet publish -c Release` gives a folder that runs with the .NET runtime and its settings
/// alone: started from it with a PATH holding nothing (so no SDK tool, Node.js or npm can be
/// found), it serves the pane, the manifest and the API.
/// </summary>
public sealed class PublishedHostTests(PublishedHostTests.Release release) : IClassFixture<PublishedHostTests.Release>
{
    [Fact]
    public async Task The_published_folder_serves_the_pane_the_manifest_and_the_api_with_nothing_else_on_the_path()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var emptyPath = Directory.CreateTempSubdirectory("oia-empty-path-").FullName;
        await using var host = HostProcess.Start(["--urls", url], new Dictionary<string, string>
        {
            ["PATH"] = emptyPath,
            // Settings from the environment, as a deployment gives them.
            ["Manifest__PublicBaseUrl"] = "https://addin.contoso.example",
        }, release.Folder);

        Assert.True(await host.AnswersHealthAsync(url, TimeSpan.FromSeconds(60)), $"The published host did not become healthy:{Environment.NewLine}{host.Transcript()}");
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        var page = await client.GetStringAsync("/");
        // The page names its script and stylesheet by content, and those are cached for a year and
        // sent compressed: the release carries the pane's files built and compressed at publish time.
        var scriptPath = Regex.Match(page, "src=\"(dist/pane\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        var stylesheetPath = Regex.Match(page, "href=\"(dist/pane\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.True(scriptPath.Length > 0 && stylesheetPath.Length > 0, $"The page names no content-named script or stylesheet:{Environment.NewLine}{page}");
        foreach (var path in new[] { scriptPath, stylesheetPath })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path);
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var asset = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("br", Assert.Single(asset.Content.Headers.ContentEncoding));
            Assert.True(asset.Headers.CacheControl is { MaxAge.TotalDays: >= 365 }, $"{path}: Cache-Control {asset.Headers.CacheControl}");
            Assert.Contains("immutable", asset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
        var script = await client.GetAsync("/" + scriptPath);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000);
        Assert.Contains("https://addin.contoso.example/", await client.GetStringAsync("/manifest.xml"), StringComparison.Ordinal);

        var token = JsonDocument.Parse(await (await client.PostAsync("/auth/local/token", null)).Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var person = await client.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        Assert.Equal("Ana Lopez", (await client.GetAsync<OutlookInterviewAddin.People.PersonDto>($"/api/people/{person.Id}")).Name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Directory.Delete(emptyPath);
    }

    /// <summary>The release, published once for the class into a folder of its own.</summary>
    public sealed class Release : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "oia-tests", "publish-" + Guid.NewGuid().ToString("N"));

        public Release()
        {
            var start = new ProcessStartInfo(HostProcess.DotnetExecutable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryFiles.Root,
            };
            foreach (var argument in new[] { "publish", Path.Combine("src", "OutlookInterviewAddin", "OutlookInterviewAddin.csproj"), "-c", "Release", "-o", Folder, "--nologo" })
                start.ArgumentList.Add(argument);
            using var publish = Process.Start(start)!;
            var output = publish.StandardOutput.ReadToEndAsync();
            var error = publish.StandardError.ReadToEndAsync();
            if (!publish.WaitForExit(TimeSpan.FromMinutes(8))) publish.Kill(entireProcessTree: true);
            if (publish.ExitCode != 0)
                throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{output.Result}{error.Result}");
        }

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
