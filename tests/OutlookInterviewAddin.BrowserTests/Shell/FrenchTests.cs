using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using OutlookInterviewAddin.BrowserTests.Outlook;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>
/// The pane in French: chosen by Outlook's display language or by the profile's setting (at once,
/// and back), with every API request asking for French; and every screen in French with no English
/// left, neither a resource the French file says differently nor an English sentence from anywhere.
/// </summary>
public sealed partial class FrenchTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;
    private readonly ITestOutputHelper output;

    public FrenchTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
        fixture.Sink.Output = output;
    }

    private static readonly OfficeStub InFrenchOutlook = new() { DisplayLanguage = "fr-FR" };
    private static readonly OfficeStub InEnglishOutlook = new() { DisplayLanguage = "en-US" };

    private static readonly ScreenTourData French = new("Hydro-Québec", "fr", "Les portfolios comptent plus que les notes", "Décrire mon appli de transport", "Inscrite au cours suggéré");

    private static async Task SetLanguageAsync(IPage page, string language) =>
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto", language });

    /// <summary>The Accept-Language of each API request the page makes from now on.</summary>
    private static List<string> AcceptLanguages(IPage page)
    {
        var seen = new List<string>();
        page.Request += (_, request) =>
        {
            if (!new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)) return;
            lock (seen) seen.Add(request.Headers.TryGetValue("accept-language", out var value) ? value : "(none)");
        };
        return seen;
    }

    [Fact]
    public async Task Outlooks_display_language_puts_the_pane_in_French_and_every_request_asks_for_French()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InFrenchOutlook, locale: "en-US");
        var page = pane.Page;
        await SetLanguageAsync(page, "auto");
        var accepted = AcceptLanguages(page);
        await page.ReloadAsync();
        await pane.WaitForViewAsync("home-dashboard");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(pane.Heading).ToHaveTextAsync("Vos prochaines étapes");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections du volet" }).GetByRole(AriaRole.Link, new() { Name = "Personnes" })).ToBeVisibleAsync();
        await page.GotoAsync("/#/people");
        await pane.WaitForViewAsync("people");
        await Expect(pane.Heading).ToHaveTextAsync("Personnes à qui parler");
        lock (accepted)
        {
            Assert.NotEmpty(accepted);
            Assert.All(accepted, value => Assert.Equal("fr", value));
        }
    }

    [Fact]
    public async Task In_an_English_Outlook_the_pane_stays_in_English_and_asks_for_English()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InEnglishOutlook, locale: "fr-FR");
        var page = pane.Page;
        await SetLanguageAsync(page, "auto");
        var accepted = AcceptLanguages(page);
        await page.ReloadAsync();
        await pane.WaitForViewAsync("home-dashboard");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(pane.Heading).ToHaveTextAsync("Your next steps");
        lock (accepted) Assert.All(accepted, value => Assert.Equal("en", value));
    }

    [Fact]
    public async Task Choosing_French_in_the_profile_switches_at_once_keeps_what_was_typed_and_English_switches_back()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InEnglishOutlook, locale: "en-US");
        var page = pane.Page;
        await SetLanguageAsync(page, "auto");
        await page.GotoAsync("/#/profile");
        await page.ReloadAsync();
        await pane.WaitForViewAsync("profile");
        await Expect(pane.Heading).ToHaveTextAsync("Your profile");
        await page.GetByLabel("What interests you now").FillAsync("Transit planning, not yet saved");

        await page.GetByLabel("Language of the pane").SelectOptionAsync("fr");
        await Expect(pane.Heading).ToHaveTextAsync("Votre profil");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Accueil" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Ce qui vous intéresse en ce moment")).ToHaveValueAsync("Transit planning, not yet saved");
        await Expect(page.GetByLabel("Langue du volet")).ToHaveValueAsync("fr");

        // The setting is saved: a reload, and any other screen, stay in French.
        await page.ReloadAsync();
        await pane.WaitForViewAsync("profile");
        await Expect(pane.Heading).ToHaveTextAsync("Votre profil");
        await page.GotoAsync("/#/people/new");
        await pane.WaitForViewAsync("person-new");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la personne" })).ToBeVisibleAsync();

        await page.GotoAsync("/#/profile");
        await pane.WaitForViewAsync("profile");
        await page.GetByLabel("Langue du volet").SelectOptionAsync("en");
        await Expect(pane.Heading).ToHaveTextAsync("Your profile");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByLabel("What interests you now")).ToHaveValueAsync("Transit planning, not yet saved");
        await SetLanguageAsync(page, "auto");
    }

    [Fact]
    public async Task The_person_form_says_which_language_they_are_written_in_and_tu_or_vous_for_French()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InEnglishOutlook, "#/people/new");
        var page = pane.Page;
        await SetLanguageAsync(page, "auto");
        await page.ReloadAsync();
        await pane.WaitForViewAsync("person-new");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Name").FillAsync($"Léa Tremblay {tag}");
        var addressForm = page.GetByLabel("In French: tu or vous");
        await Expect(addressForm).ToBeHiddenAsync();
        await page.GetByLabel("Writes in").SelectOptionAsync("fr");
        await Expect(addressForm).ToBeVisibleAsync();
        await addressForm.SelectOptionAsync("tu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await pane.WaitForViewAsync("person");

        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var person = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/people/{id}")).RootElement;
        Assert.Equal("fr", person.GetProperty("language").GetString());
        Assert.Equal("tu", person.GetProperty("addressForm").GetString());

        // Back to the default: the API chooses by how the user knows them again.
        await page.GotoAsync($"/#/people/{id}/edit");
        await pane.WaitForViewAsync("person-edit");
        await Expect(page.GetByLabel("Writes in")).ToHaveValueAsync("fr");
        await Expect(page.GetByLabel("In French: tu or vous")).ToHaveValueAsync("tu");
        await page.GetByLabel("In French: tu or vous").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        person = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/people/{id}")).RootElement;
        Assert.Equal(JsonValueKind.Null, person.GetProperty("addressForm").ValueKind);
    }

    [Fact]
    public async Task The_person_page_joins_a_label_and_its_value_with_a_no_break_space_before_the_colon_in_French()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InFrenchOutlook);
        var page = pane.Page;
        await SetLanguageAsync(page, "fr");
        var id = await LocalApi.IdOfAsync(page, "POST", "/api/people",
            new { name = $"Chloé Roy {Guid.NewGuid():N}"[..20], connection = "colleague", connectionDetail = "stage d'été 2025" });

        await page.GotoAsync($"/#/people/{id}");
        await pane.WaitForViewAsync("person");
        var connection = page.Locator("dl.facts dd").Filter(new() { HasText = "stage d'été 2025" });
        Assert.Equal("Collègue\u00a0: stage d'été 2025", await connection.TextContentAsync());

        await SetLanguageAsync(page, "en");
        await page.ReloadAsync();
        await pane.WaitForViewAsync("person");
        Assert.Equal("Colleague: stage d'été 2025", await connection.TextContentAsync());
        await SetLanguageAsync(page, "auto");
    }

    [Fact]
    public async Task The_local_mailbox_says_an_attendees_part_in_French()
    {
        await using var pane = await PanePage.OpenAsync(fixture, InFrenchOutlook);
        var page = pane.Page;
        await SetLanguageAsync(page, "fr");
        var email = $"marc.{Guid.NewGuid():N}@stm.example";
        // Written to in French: the invite stays in the mailbox the other French screens are read from.
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Marc Roy", email, language = "fr" });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}", new { plannedStart = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 30 });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/drafts/invite");

        await page.GotoAsync("/#/mailbox");
        await pane.WaitForViewAsync("mailbox");
        await Expect(page.GetByTestId("event-attendees").Filter(new() { HasText = email })).ToContainTextAsync($"Marc Roy <{email}> (obligatoire)");
        await SetLanguageAsync(page, "auto");
    }

    [Fact]
    public async Task Every_screen_in_French_shows_no_English_text_that_French_says_differently()
    {
        var screens = await FrenchScreensAsync();
        var englishOnly = PaneStrings.EnglishOnly();
        var found = screens
            .SelectMany(screen => screen.Texts.Select(text => (screen.Name, text.Where, text.Text)))
            .SelectMany(shown => englishOnly.Where(e => e.Pattern.IsMatch(shown.Text)).Select(e => $"{shown.Name} [{shown.Where}] “{shown.Text}” = en {e.Key}"))
            .Distinct()
            .ToList();
        Assert.True(found.Count == 0, $"English left on French screens ({found.Count}):\n{string.Join("\n", found)}");
    }

    [Fact]
    public async Task Every_screen_in_French_has_no_English_sentence_from_anywhere()
    {
        var screens = await FrenchScreensAsync();
        var found = screens
            .SelectMany(screen => screen.Texts.Where(t => t.Direct && EnglishWords().IsMatch(t.Text)).Select(t => $"{screen.Name} [{t.Where}] “{t.Text}”"))
            .Distinct()
            .ToList();
        Assert.True(found.Count == 0, $"English sentences on French screens ({found.Count}):\n{string.Join("\n", found)}");
    }

    // Words no French sentence holds, and nearly every English one does.
    [GeneratedRegex(@"\b(the|your|you|and|to|with|is|are|for|of|this|that|yet|not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    private sealed record Shown(string Where, string Text, bool Direct);

    private sealed record Screen(string Name, IReadOnlyList<Shown> Texts);

    // Both checks read the same screens, walked once for the class.
    private static Task<IReadOnlyList<Screen>>? walk;
    private static readonly Lock walkLock = new();

    private Task<IReadOnlyList<Screen>> FrenchScreensAsync()
    {
        lock (walkLock) return walk ??= WalkFrenchScreensAsync();
    }

    /// <summary>
    /// Every screen of EveryScreenTests, in French, with data typed in French: what each one shows
    /// (text, aria-label, title, placeholder), every folded section opened first.
    /// </summary>
    private async Task<IReadOnlyList<Screen>> WalkFrenchScreensAsync()
    {
        var result = new List<Screen>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"ana.{tag}@contoso.example";
        await using (var pane = await PanePage.OpenAsync(fixture, InFrenchOutlook, width: 360))
        {
            var page = pane.Page;
            await SetLanguageAsync(page, "fr");
            var screens = await ScreenTour.SeedAsync(page, tag, email, French);
            foreach (var (hash, view) in screens)
            {
                await page.GotoAsync("/" + hash);
                await pane.WaitForViewAsync(view);
                await Expect(page.Locator("main[aria-busy]")).ToHaveCountAsync(0);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
                result.Add(new Screen(hash, await ShownAsync(page)));
            }
        }

        foreach (var (surface, view) in new[]
        {
            (OfficeSurface.MessageRead, "home-message-read"),
            (OfficeSurface.MessageCompose, "home-message-compose"),
            (OfficeSurface.AppointmentOrganizer, "home-appointment-organizer"),
            (OfficeSurface.AppointmentAttendee, "home-appointment-attendee"),
        })
        {
            var stub = InFrenchOutlook with
            {
                Surface = surface,
                Subject = "Café avec Ana",
                From = new Sender($"Ana Lima {tag}", email),
                To = [new Sender($"Ana Lima {tag}", email)],
                Attendees = [new Sender($"Ana Lima {tag}", email)],
                Start = DateTimeOffset.UtcNow.AddHours(-2).ToString("O"),
                Minutes = 30,
            };
            await using var pane = await PanePage.OpenAsync(fixture, stub, width: 360);
            await pane.WaitForViewAsync(view);
            await Expect(pane.Page.Locator("main[aria-busy]")).ToHaveCountAsync(0);
            result.Add(new Screen(surface.ToString(), await ShownAsync(pane.Page)));
        }
        foreach (var screen in result) output.WriteLine($"read {screen.Name}: {screen.Texts.Count} texts");
        return result;
    }

    private static async Task<IReadOnlyList<Shown>> ShownAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
              for (const details of document.querySelectorAll("details")) details.open = true;
              const norm = (s) => (s || "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
              const shown = (e) => e.tagName === "OPTION" ? !!e.closest("select")?.checkVisibility() : e.checkVisibility();
              const out = [];
              out.push({ where: "title", text: norm(document.title), direct: true });
              for (const e of document.body.querySelectorAll("*")) {
                if (["SCRIPT", "STYLE", "IFRAME"].includes(e.tagName) || !shown(e)) continue;
                const whole = norm(e.textContent);
                if (whole && whole.length <= 500) out.push({ where: e.tagName.toLowerCase(), text: whole, direct: false });
                for (const node of e.childNodes) {
                  if (node.nodeType === Node.TEXT_NODE && norm(node.textContent)) out.push({ where: e.tagName.toLowerCase(), text: norm(node.textContent), direct: true });
                }
                for (const name of ["aria-label", "title", "placeholder"]) {
                  const value = e.getAttribute(name);
                  if (value && norm(value)) out.push({ where: name, text: norm(value), direct: true });
                }
              }
              return out;
            }
            """);
        return json.EnumerateArray().Select(e => new Shown(e.GetProperty("where").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("direct").GetBoolean())).ToList();
    }
}
