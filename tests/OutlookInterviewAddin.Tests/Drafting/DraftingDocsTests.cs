using System.Text;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>
/// docs/drafting.md shows one example of each draft for a warm, a cold and a referred person. The
/// examples are what the engine writes today: this test fails when they drift. To write them again
/// after changing the wording, run it with <c>OIA_WRITE_DOC_EXAMPLES=1</c>.
/// </summary>
public sealed class DraftingDocsTests
{
    private const string Start = "<!-- examples:start (written by DraftingDocsTests) -->";
    private const string End = "<!-- examples:end -->";

    private static readonly DraftSender Maya = new("Maya López", "University of Waterloo", "Urban Planning", ["urban planning"], "Toronto",
        "https://www.linkedin.com/in/maya-lopez", "Urban Planning, class of 2027");

    private static readonly DateOnly Day = new(2026, 3, 2);

    private static readonly (string Title, DraftRecipient Person, DraftReferrer? Referrer, string Tip, string? Plan, string Done, string[] Suggested)[] People =
    [
        ("A warm contact: a co-op manager",
            new DraftRecipient("Daniel Okafor", "daniel.okafor@example.org", "Metrolinx", "Manager of Service Planning", "transit planning", "Toronto",
                ConnectionKind.Manager, "my co-op on the service planning team"),
            null, "Learn GIS properly; it is the skill every planning team is short of", "signed up for the spring GIS workshop", "took the GIS workshop and mapped bus frequencies for my studio project", []),
        ("A cold contact",
            new DraftRecipient("Zoë O'Brien", "zoe.obrien@example.org", "City of Toronto", "senior urban planner", "housing policy", "Toronto"),
            null, "Go to the council meetings: that is where the real decisions are explained", null, "went to three council meetings", ["Amir Haddad"]),
        ("A referred person",
            new DraftRecipient("Priya Shah", "priya.shah@example.org", "Shopify", "UX researcher", "user research", "Ottawa",
                ConnectionKind.FriendOfFriend, "the climbing club"),
            new DraftReferrer("Sam Lee"), "Bring one small study to every interview and talk through it", "run a five-person usability test on the campus transit app", "ran a usability test on the campus transit app", []),
    ];

    private static readonly DraftSender Camille = new("Camille Roy", "Université de Montréal", "urbanisme", ["urbanisme"], "Montréal",
        "https://www.linkedin.com/in/camille-roy", "Urbanisme, promotion 2027");

    // The same drafts in French: vous for a professional met cold, tu for a friend.
    private static readonly (string Title, DraftRecipient Person, DraftReferrer? Referrer, string Tip, string? Plan, string Done, string[] Suggested)[] FrenchPeople =
    [
        ("En français: a cold contact (vous)",
            new DraftRecipient("Geneviève Tremblay", "genevieve.tremblay@example.org", "Hydro-Québec", "ingénieure de planification", "transition énergétique", "Montréal",
                Language: DraftLanguage.Fr),
            null, "Suivez un cours de SIG : toutes les équipes de planification en manquent", "m'inscrire à l'atelier SIG du printemps", "suivi l'atelier SIG et cartographié la fréquence des autobus", []),
        ("En français: a friend (tu)",
            new DraftRecipient("Julien Gagnon", "julien.gagnon@example.org", "Ville de Montréal", "urbaniste", "mobilité durable", "Montréal",
                ConnectionKind.Friend, "le club de plein air", Language: DraftLanguage.Fr),
            null, "Va aux séances du conseil : c'est là que les décisions sont expliquées", null, "assisté à trois séances du conseil", ["Sophie Bélanger"]),
    ];

    [Fact]
    public void The_examples_in_docs_drafting_md_are_what_the_engine_writes()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "drafting.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/drafting.md has no {Start} … {End} section");

        var examples = Examples();
        var written = doc[..(start + Start.Length)] + "\n" + examples + doc[end..];
        if (Environment.GetEnvironmentVariable("OIA_WRITE_DOC_EXAMPLES") == "1")
            File.WriteAllText(path, written);
        else
            Assert.True(written == doc, "docs/drafting.md's examples are out of date: run this test with OIA_WRITE_DOC_EXAMPLES=1 and review the change.");
    }

    private static string Examples()
    {
        var text = new StringBuilder();
        var all = People.Select(p => (Sender: Maya, p.Title, p.Person, p.Referrer, p.Tip, p.Plan, p.Done, p.Suggested, Helped: "it helped me choose my thesis topic"))
            .Concat(FrenchPeople.Select(p => (Sender: Camille, p.Title, p.Person, p.Referrer, p.Tip, p.Plan, p.Done, p.Suggested, Helped: "cela m'a aidée à choisir mon sujet de mémoire")));
        foreach (var ((sender, title, person, referrer, tip, plan, done, suggested, helped), place) in all.Select((p, i) => (p, i)))
        {
            var variety = new DraftVariety("maya", person.Email, Day, place);
            var interview = new DraftInterview(Day.AddDays(10), [tip, "Keep a list of who you meet"], 0, suggested);
            text.Append("### ").Append(title).Append("\n\n");
            Block(text, "Outreach request", OutreachComposer.For(person).Compose(new OutreachRequest(sender, person, variety, referrer)));
            Block(text, "Follow-up (no reply after 7 business days)", FollowUpComposer.For(person).Compose(new FollowUpRequest(sender, person, Day, variety)));
            var start = new DateTimeOffset(Day.AddDays(10).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
            var renderer = QuestionListRenderer.For(person);
            var invite = renderer.Render(new QuestionListRequest(person, new MeetingPlan(start, start.AddMinutes(30), "America/Toronto",
                "Balzac's Coffee, 1 Trinity St"), QuestionAgenda.For(person.Language)));
            Block(text, "Invite (30 minutes; the same text goes in the attached .docx)",
                invite.Body with { Subject = renderer.InviteSubject(sender.FullName, person.FullName) });
            Block(text, plan is null ? "Thank-you (no plan stored with the takeaway)" : $"Thank-you (plan stored: “{plan}”)",
                ThankYouComposer.For(person).Compose(new ThankYouRequest(sender, person, interview, variety, plan)));
            Block(text, "Stay in touch (four months on)", StayInTouchComposer.For(person).Compose(new StayInTouchRequest(sender, person, tip, variety,
                done, helped, Day.AddDays(10), OfferLinkedIn: true)));
        }
        return text.ToString();
    }

    private static void Block(StringBuilder text, string title, Composition draft) =>
        text.Append("**").Append(title).Append("**\n\n```text\nSubject: ").Append(draft.Subject).Append("\n\n")
            .Append(draft.ToPlainText()).Append("\n```\n\n");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutlookInterviewAddin.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("OutlookInterviewAddin.sln not found above the test output folder.");
    }
}
