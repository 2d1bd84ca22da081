using System.Net;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>
/// The pages the host renders (the pane's and the sign-in dialog's) show their own words before
/// their script runs: in the language the pane names (<c>?lang=</c>), else the request's.
/// </summary>
public sealed partial class PageLanguageTests : IClassFixture<AddinFactory>
{
    private readonly HttpClient client;

    public PageLanguageTests(AddinFactory factory) => client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, string Page)> GetAsync(string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null, "en", "Loading…", "Informational interviews", "The pane needs JavaScript to run.")]
    [InlineData("fr-CA,fr;q=0.9", "fr", "Chargement…", "Entretiens d’information", "Le volet a besoin de JavaScript pour fonctionner.")]
    public async Task The_panes_page_is_written_in_the_request_language_until_the_pane_takes_over(
        string? acceptLanguage, string lang, string loading, string title, string noScript)
    {
        var (response, page) = await GetAsync("/", acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<main class=\"main\"><p>{loading}</p></main>", page, StringComparison.Ordinal);
        Assert.Contains($"<noscript><p>{noScript}</p></noscript>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" data-text=\"", page, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signin-dialog.html?lang=fr", "en-US", "fr", "Connexion", "Connexion à Microsoft 365 en cours…")]
    [InlineData("/signin-dialog.html", "fr-FR", "fr", "Connexion", "Connexion à Microsoft 365 en cours…")]
    [InlineData("/signin-dialog.html?lang=en", "fr-FR", "en", "Signing in", "Signing you in with Microsoft 365…")]
    [InlineData("/signin-dialog.html", null, "en", "Signing in", "Signing you in with Microsoft 365…")]
    public async Task The_sign_in_dialog_is_written_in_the_language_the_pane_names_else_the_request_language(
        string path, string? acceptLanguage, string lang, string heading, string status)
    {
        var (response, page) = await GetAsync(path, acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"status\" role=\"status\">{status}</p>", page, StringComparison.Ordinal);
        Assert.Matches(DialogScript(), page);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    // The dialog's script by the address the static assets serve it at (content-named when the build manifest names one).
    [GeneratedRegex("<script type=\"module\" src=\"dist/signin-dialog(\\.[a-z0-9]+)?\\.js\"></script>")]
    private static partial Regex DialogScript();
}
