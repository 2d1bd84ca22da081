using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>What the pane's scripts are: MSAL.js is in them only when they carry its error codes.</summary>
internal static class LoadedScripts
{
    private const string MsalMarker = "interaction_in_progress";

    /// <summary>Whether any script the page fetched from the host carries MSAL.js.</summary>
    public static async Task<bool> IncludeMsalAsync(PanePage pane, Uri host)
    {
        foreach (var url in pane.Requests.Where(u => u.StartsWith(host.ToString(), StringComparison.Ordinal) && new Uri(u).AbsolutePath.EndsWith(".js", StringComparison.Ordinal)).Distinct())
        {
            var text = await pane.Page.EvaluateAsync<string>("u => fetch(u).then(r => r.text())", url);
            if (text.Contains(MsalMarker, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

/// <summary>
/// A host in Microsoft 365 mode, in an Outlook (the stub) where nested app authentication is not
/// offered and Office SSO fails: the pane loads its Microsoft 365 sign-in, falls back as documented,
/// and says what the user can do.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly PaneFixture fixture = new();

    public SignInTests(ITestOutputHelper output) => fixture.Sink.Output = output;

    public Task InitializeAsync() => fixture.InitializeAsync(host =>
    {
        host.Settings["AzureAd:TenantId"] = "organizations";
        host.Settings["AzureAd:ClientId"] = "00000000-0000-4000-8000-0000000000c1";
        host.Settings["AzureAd:ClientSecret"] = "test-client-secret";
    });

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task When_Office_SSO_is_unsupported_the_pane_opens_the_sign_in_dialog_and_explains_that_it_was_closed()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead) with { SsoError = 13003 });

        await Expect(pane.Heading).ToHaveTextAsync("Cannot sign in here");
        await Expect(pane.Error).ToContainTextAsync("The sign-in window was closed before signing in finished.");
        await Expect(pane.Error.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
        await Expect(pane.SignedInUser).ToBeEmptyAsync();

        var calls = (await pane.OfficeCallsAsync()).ToList();
        Assert.Contains("requirements.isSetSupported", calls);
        Assert.True(calls.IndexOf("auth.getAccessToken") < calls.IndexOf("ui.displayDialogAsync"), "Office SSO is tried before the dialog");
        var dialog = Assert.Single(await pane.OfficeCallArgumentsAsync("ui.displayDialogAsync"));
        // In the pane's language, so the host writes the dialog's page in it.
        Assert.EndsWith("/signin-dialog.html?lang=en", dialog[0].GetString());
        var sso = Assert.Single(await pane.OfficeCallArgumentsAsync("auth.getAccessToken"));
        Assert.True(sso[0].GetProperty("allowSignInPrompt").GetBoolean());
        Assert.True(sso[0].GetProperty("allowConsentPrompt").GetBoolean());
        Assert.True(await LoadedScripts.IncludeMsalAsync(pane, fixture.Host.BaseAddress), "Microsoft 365 mode loads MSAL.js");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(pane.Page);
    }

    [Fact]
    public async Task An_SSO_error_that_a_dialog_cannot_fix_is_explained_without_opening_one()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead) with { SsoError = 13004 });

        await Expect(pane.Heading).ToHaveTextAsync("Cannot sign in here");
        await Expect(pane.Error).ToContainTextAsync("its manifest names another one");
        await Expect(pane.Error.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.DoesNotContain("ui.displayDialogAsync", await pane.OfficeCallsAsync());
    }

    [Theory]
    [InlineData(13003, "officeDark")]
    [InlineData(13004, "officeDark")]
    [InlineData(13003, "dark")]
    [InlineData(13004, "light")]
    public async Task The_sign_in_problem_screens_pass_axe_at_320_pixels_in_each_theme(int ssoError, string theme)
    {
        var office = OfficeStub.In(OfficeSurface.MessageRead) with { SsoError = ssoError, Theme = theme == "officeDark" ? OfficeTheme.Dark : null };
        await using var pane = await PanePage.OpenAsync(fixture, office, width: 320, colorScheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);

        await Expect(pane.Heading).ToHaveTextAsync("Cannot sign in here");
        Assert.Equal(theme == "light" ? "light" : "dark", await pane.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        await PageChecks.AssertNoSeriousAxeViolationsAsync(pane.Page);
        await PageChecks.AssertFitsAsync(pane.Page);
    }

    [Fact]
    public async Task In_Microsoft_365_mode_the_pane_reads_its_sign_in_settings_from_the_page_and_never_asks_for_them()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead) with { SsoError = 13004 });

        await Expect(pane.Heading).ToHaveTextAsync("Cannot sign in here");
        // The settings reached the sign-in (Office SSO was tried with them) without GET /auth/config.
        Assert.Contains("auth.getAccessToken", await pane.OfficeCallsAsync());
        Assert.DoesNotContain(pane.Requests, u => u.Contains("/auth/config", StringComparison.Ordinal));
    }
}

/// <summary>Local mode signs in with the host's own token and never downloads MSAL.js.</summary>
public sealed class LocalSignInTests : IAsyncLifetime
{
    private readonly PaneFixture fixture = new();

    public LocalSignInTests(ITestOutputHelper output) => fixture.Sink.Output = output;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Local_mode_does_not_load_the_Microsoft_365_sign_in()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead));

        await Expect(pane.SignedInUser).Not.ToBeEmptyAsync();
        Assert.Contains(pane.Requests, u => u.Contains("/auth/local/token", StringComparison.Ordinal));
        // One round trip before the data: the settings are in the page and the token answer names the user.
        Assert.DoesNotContain(pane.Requests, u => u.Contains("/auth/config", StringComparison.Ordinal) || u.Contains("/api/me", StringComparison.Ordinal));
        await Expect(pane.SignedInUser).ToHaveTextAsync("Local user");
        Assert.False(await LoadedScripts.IncludeMsalAsync(pane, fixture.Host.BaseAddress), "local mode fetched MSAL.js");
        Assert.DoesNotContain("auth.getAccessToken", await pane.OfficeCallsAsync());
    }

    [Fact]
    public async Task The_first_view_downloads_no_other_screen_and_a_screen_is_fetched_when_first_shown()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null);
        static bool PeopleChunk(string url) => new Uri(url).AbsolutePath.StartsWith("/dist/people-", StringComparison.Ordinal);

        await Expect(pane.Heading).ToHaveTextAsync("Your next steps");
        Assert.DoesNotContain(pane.Requests, PeopleChunk);

        await pane.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await pane.WaitForViewAsync("people");
        Assert.Single(pane.Requests, PeopleChunk);
    }
}
