using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Outlook;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>What the people and conversations behind a tour are called and say, in the tour's language.</summary>
public sealed record ScreenTourData(string Organisation, string? Language, string Takeaway, string TakeawayAction, string TouchNote)
{
    public static ScreenTourData English { get; } = new("Contoso", null, "Portfolios matter more than grades", "Write up my transit app", "Signed up for the course you suggested");
}

/// <summary>
/// Every screen of the pane with data behind it: people and one conversation at each step, set up
/// through the API, and the address and view of each screen to visit.
/// </summary>
public static class ScreenTour
{
    public static async Task<List<(string Hash, string View)>> SeedAsync(IPage page, string tag, string firstEmail, ScreenTourData data)
    {
        Task<string> Person(string name, string email) =>
            LocalApi.IdOfAsync(page, "POST", "/api/people", new { name, email, organisation = data.Organisation, language = data.Language });
        Task<string> Interview(string personId, params string[] stages) => InterviewAsync(page, personId, data, stages);

        var ana = await Person($"Ana Lima {tag}", firstEmail);
        var steps = new Dictionary<string, string>
        {
            ["ask"] = await Interview(ana),
            ["schedule"] = await Interview(await Person($"Ben Okafor {tag}", $"ben.{tag}@contoso.example"), "contacted"),
            ["prepare"] = await Interview(await Person($"Chen Wu {tag}", $"chen.{tag}@contoso.example"), "contacted", "scheduled"),
            ["record"] = await Interview(await Person($"Dana Roy {tag}", $"dana.{tag}@contoso.example"), "contacted", "scheduled", "past"),
            ["thank"] = await Interview(await Person($"Eli Moss {tag}", $"eli.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway"),
            ["connect"] = await Interview(await Person($"Fay Dunn {tag}", $"fay.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway", "thanked"),
            ["stay in touch"] = await Interview(await Person($"Gus Hale {tag}", $"gus.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway", "thanked", "touch"),
        };
        var lists = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", "/api/question-lists")).RootElement;
        var listId = (lists.ValueKind == JsonValueKind.Array ? lists : lists.GetProperty("items"))[0].GetProperty("id").ToString();

        var screens = new List<(string Hash, string View)>
        {
            ("#/", "home-dashboard"),
            ("#/people", "people"),
            ("#/people/new", "person-new"),
            ($"#/people/{ana}", "person"),
            ($"#/people/{ana}/edit", "person-edit"),
            ($"#/people/{ana}/merge", "person-merge"),
            ("#/profile", "profile"),
            ("#/data", "data"),
            ("#/question-lists", "question-lists"),
            ($"#/question-lists/{listId}", "question-list"),
            ($"#/interviews/{steps["prepare"]}/questions", "interview-questions"),
            ($"#/interviews/{steps["ask"]}/drafts/outreach", "draft"),
            ($"#/interviews/{steps["prepare"]}/drafts/invite", "draft"),
            ($"#/interviews/{steps["thank"]}/drafts/thankYou", "draft"),
            ("#/mailbox", "mailbox"),
            ("#/outreach", "outreach-entry"),
            ("#/questions/attach", "attach-entry"),
            ("#/no-such-screen", "not-found"),
        };
        screens.AddRange(steps.Select(s => ($"#/interviews/{s.Value}", "interview")));
        return screens;
    }

    private static async Task<string> InterviewAsync(IPage page, string personId, ScreenTourData data, string[] stages)
    {
        var id = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        foreach (var stage in stages)
        {
            switch (stage)
            {
                case "scheduled":
                    await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{id}", new { plannedStart = DateTimeOffset.UtcNow.AddDays(2), durationMinutes = 30, placeKind = "online" });
                    break;
                case "past":
                    await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{id}", new { plannedStart = DateTimeOffset.UtcNow.AddHours(-3), durationMinutes = 30, placeKind = "online", confirmPast = true });
                    continue;
                case "takeaway":
                    await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/takeaways", new { text = data.Takeaway, isMostHelpful = true, action = data.TakeawayAction });
                    continue;
                case "touch":
                    await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/touches", new { note = data.TouchNote });
                    continue;
            }
            await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/stage", new { stage });
        }
        return id;
    }
}
