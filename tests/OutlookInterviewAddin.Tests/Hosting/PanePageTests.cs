using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Hosting;

/// <summary>
/// The pane's page carries what the pane needs before its first request (the sign-in settings,
/// content-named asset addresses, preloads of the first view's chunks) and a Content-Security-Policy
/// that allows only what the pane loads.
/// </summary>
public sealed partial class PanePageTests
{
    [GeneratedRegex("<script type=\"application/json\" id=\"pane-config\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ConfigBlock();

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

    [Fact]
    public async Task In_local_mode_the_page_inlines_the_sign_in_settings_and_allows_only_this_host_and_the_Office_CDN()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient();

        foreach (var path in new[] { "/", "/index.html" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoCache, "the page is revalidated, so a new release is seen at once");
            var page = await response.Content.ReadAsStringAsync();

            var config = JsonDocument.Parse(ConfigBlock().Match(page).Groups[1].Value).RootElement;
            var served = await client.GetStringAsync("/auth/config");
            Assert.Equal(JsonDocument.Parse(served).RootElement.GetRawText(), config.GetRawText());
            Assert.Equal("local", config.GetProperty("mode").GetString());

            var csp = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("script-src 'self' https://appsforoffice.microsoft.com", csp["script-src"]);
            Assert.Equal("connect-src 'self'", csp["connect-src"]);
            Assert.Equal("object-src 'none'", csp["object-src"]);
            Assert.DoesNotContain("unsafe", csp["script-src"], StringComparison.Ordinal);
            // Every script the page has is external or JSON: nothing inline would run under that policy.
            foreach (Match script in Regex.Matches(page, "<script([^>]*)>(.*?)</script>", RegexOptions.Singleline))
                Assert.True(script.Groups[1].Value.Contains("src=", StringComparison.Ordinal) || script.Groups[1].Value.Contains("application/json", StringComparison.Ordinal), script.Value);

            Assert.Contains("rel=\"icon\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_names_its_files_by_content_and_preloads_the_chunks_the_first_view_imports()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient();
        var page = await client.GetStringAsync("/");

        var script = Regex.Match(page, "<script type=\"module\" src=\"(dist/pane\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        Assert.NotEqual("", script);
        Assert.Matches("href=\"dist/pane\\.[a-z0-9]+\\.css\"", page);
        var entry = await client.GetStringAsync("/" + script);
        var preloads = Regex.Matches(page, "<link rel=\"modulepreload\" href=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(preloads);
        foreach (var chunk in preloads)
        {
            // Each preload is imported statically by the entry (by that very name) and is served.
            Assert.Contains($"\"./{chunk["dist/".Length..]}\"", entry, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + chunk)).StatusCode);
        }
        // Screens behind import() are not preloaded: the people list is fetched when first shown.
        Assert.DoesNotContain(preloads, p => p.Contains("people", StringComparison.Ordinal));
        Assert.Matches("import\\(\"\\./people-[A-Z0-9]{8}\\.js\"\\)", entry);
    }

    private static AddinFactory Microsoft365Host() => new()
    {
        Settings =
        {
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e",
            ["AzureAd:ClientSecret"] = "test-client-secret",
        },
    };

    [Fact]
    public async Task In_Microsoft_365_mode_the_policy_also_allows_the_sign_in_authority()
    {
        using var host = Microsoft365Host();
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        var config = JsonDocument.Parse(ConfigBlock().Match(page).Groups[1].Value).RootElement;
        Assert.Equal("microsoft365", config.GetProperty("mode").GetString());
        Assert.Equal("3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e", config.GetProperty("clientId").GetString());
        var authority = new Uri(config.GetProperty("authority").GetString()!).GetLeftPart(UriPartial.Authority);
        var csp = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal($"connect-src 'self' {authority}", csp["connect-src"]);
        Assert.Equal($"frame-src 'self' {authority}", csp["frame-src"]);
    }

    [Fact]
    public async Task The_sign_in_dialog_and_the_Smart_Alert_page_carry_policies_that_allow_only_what_they_load()
    {
        using var host = Microsoft365Host();
        using var client = host.CreateClient();

        using var dialog = await client.GetAsync("/signin-dialog.html");
        Assert.Equal(HttpStatusCode.OK, dialog.StatusCode);
        var config = JsonDocument.Parse(await client.GetStringAsync("/auth/config")).RootElement;
        var authority = new Uri(config.GetProperty("authority").GetString()!).GetLeftPart(UriPartial.Authority);
        var dialogPolicy = Directives(string.Join(";", dialog.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("script-src 'self' https://appsforoffice.microsoft.com", dialogPolicy["script-src"]);
        Assert.Equal($"connect-src 'self' {authority}", dialogPolicy["connect-src"]);
        Assert.Equal("object-src 'none'", dialogPolicy["object-src"]);
        AssertNoInlineScript(await dialog.Content.ReadAsStringAsync());

        using var launch = await client.GetAsync("/launchevent.html");
        Assert.Equal(HttpStatusCode.OK, launch.StatusCode);
        var launchPolicy = Directives(string.Join(";", launch.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("default-src 'none'", launchPolicy["default-src"]);
        Assert.Equal("script-src 'self' https://appsforoffice.microsoft.com", launchPolicy["script-src"]);
        Assert.DoesNotContain("unsafe", string.Join(";", launchPolicy.Values), StringComparison.Ordinal);
        AssertNoInlineScript(await launch.Content.ReadAsStringAsync());

        // Other files are not pages: they carry no policy of their own.
        using var script = await client.GetAsync("/launchevent.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.False(script.Headers.Contains("Content-Security-Policy"));
    }

    private static void AssertNoInlineScript(string page)
    {
        foreach (Match script in Regex.Matches(page, "<script([^>]*)>(.*?)</script>", RegexOptions.Singleline))
            Assert.True(script.Groups[1].Value.Contains("src=", StringComparison.Ordinal) && script.Groups[2].Value.Trim().Length == 0, script.Value);
    }

    [Fact]
    public async Task An_unknown_address_is_404_whatever_the_method()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-file.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/no-such-place", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/dist/no-such-file.js", null)).StatusCode);
    }
}
