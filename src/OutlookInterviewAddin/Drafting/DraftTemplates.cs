using System.Globalization;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// One editable part of a draft ("the ask of an outreach request"): its resource key, the fields
/// its wording may use, and the fields it must use (at least one of them) for the part to keep its
/// meaning, such as the takeaway in a thank-you.
/// </summary>
public sealed record TemplateSlot(string Key, IReadOnlySet<string> Fields, IReadOnlyList<string> RequiresAnyOf);

/// <summary>The editable parts and the merge fields each may use.</summary>
public static class TemplateSlots
{
    private static readonly string[] EmailFields = ["recipientFirstName", "recipientName", "senderName", "senderFirstName"];
    private static readonly string[] OutreachFields =
        [.. EmailFields, "organisation", "role", "field", "city", "sharedContext", "referrerName", "referrerFirstName", "school", "program"];
    private static readonly string[] ThankYouFields = [.. EmailFields, "organisation", "takeaway", "action", "referrals", "meetingDay"];
    private static readonly string[] FollowUpFields = [.. EmailFields, "organisation", "role", "field", "originalDate", "referrerName", "referrerFirstName"];
    private static readonly string[] StayInTouchFields = [.. EmailFields, "organisation", "field", "advice", "actionTaken", "outcome", "lastMet"];

    /// <summary>Fields a question of a question list may use.</summary>
    public static IReadOnlySet<string> QuestionFields { get; } =
        new HashSet<string>(["recipientFirstName", "recipientName", "organisation", "role", "field", "city"], StringComparer.Ordinal);

    public static readonly TemplateSlot OutreachSubjectClose = Slot("Outreach.Subject.Close", OutreachFields);
    public static readonly TemplateSlot OutreachSubjectWarm = Slot("Outreach.Subject.Warm", OutreachFields);
    public static readonly TemplateSlot OutreachSubjectCold = Slot("Outreach.Subject.Cold", OutreachFields);
    public static readonly TemplateSlot OutreachSubjectReferral = Slot("Outreach.Subject.Referral", OutreachFields, "referrerFirstName", "referrerName");
    public static readonly TemplateSlot OutreachSubjectFallback = Slot("Outreach.Subject.Fallback", OutreachFields);
    public static readonly TemplateSlot ConnectionReferral = Slot("Outreach.Connection.Referral", OutreachFields, "referrerFirstName", "referrerName");
    public static readonly TemplateSlot ConnectionCold = Slot("Outreach.Connection.Cold", OutreachFields);
    public static readonly TemplateSlot ConnectionManager = Slot("Outreach.Connection.Manager", OutreachFields);
    public static readonly TemplateSlot ConnectionCoopTeammate = Slot("Outreach.Connection.CoopTeammate", OutreachFields);
    public static readonly TemplateSlot ConnectionColleague = Slot("Outreach.Connection.Colleague", OutreachFields);
    public static readonly TemplateSlot ConnectionFamily = Slot("Outreach.Connection.Family", OutreachFields);
    public static readonly TemplateSlot ConnectionFriend = Slot("Outreach.Connection.Friend", OutreachFields);
    public static readonly TemplateSlot ConnectionFriendOfFriend = Slot("Outreach.Connection.FriendOfFriend", OutreachFields);
    public static readonly TemplateSlot ConnectionAlumni = Slot("Outreach.Connection.Alumni", OutreachFields);
    public static readonly TemplateSlot ConnectionProfessor = Slot("Outreach.Connection.Professor", OutreachFields);
    public static readonly TemplateSlot ConnectionOtherWarm = Slot("Outreach.Connection.OtherWarm", OutreachFields);
    public static readonly TemplateSlot OutreachInterest = Slot("Outreach.Interest", OutreachFields);
    public static readonly TemplateSlot OutreachAboutMeNew = Slot("Outreach.AboutMe.New", OutreachFields);
    public static readonly TemplateSlot OutreachAboutMeUpdate = Slot("Outreach.AboutMe.Update", OutreachFields);
    public static readonly TemplateSlot OutreachAboutMeAlumni = Slot("Outreach.AboutMe.Alumni", OutreachFields);
    public static readonly TemplateSlot OutreachPurpose = Slot("Outreach.Purpose", OutreachFields);
    public static readonly TemplateSlot OutreachAskClose = Slot("Outreach.Ask.Close", OutreachFields);
    public static readonly TemplateSlot OutreachAskWarm = Slot("Outreach.Ask.Warm", OutreachFields);
    public static readonly TemplateSlot OutreachAskCold = Slot("Outreach.Ask.Cold", OutreachFields);
    public static readonly TemplateSlot OutreachOffer = Slot("Outreach.Offer", OutreachFields);
    public static readonly TemplateSlot OutreachThanks = Slot("Outreach.Thanks", OutreachFields);

    public static readonly TemplateSlot GreetingClose = Slot("Email.Greeting.Close", EmailFields, "recipientFirstName");
    public static readonly TemplateSlot GreetingWarm = Slot("Email.Greeting.Warm", EmailFields, "recipientFirstName");
    public static readonly TemplateSlot GreetingFormal = Slot("Email.Greeting.Formal", EmailFields, "recipientFirstName");
    public static readonly TemplateSlot SignOffClose = Slot("Email.SignOff.Close", EmailFields);
    public static readonly TemplateSlot SignOffWarm = Slot("Email.SignOff.Warm", EmailFields);
    public static readonly TemplateSlot SignOffFormal = Slot("Email.SignOff.Formal", EmailFields);

    public static readonly TemplateSlot ThankYouSubject = Slot("ThankYou.Subject", ThankYouFields);
    public static readonly TemplateSlot ThankYouSubjectClose = Slot("ThankYou.Subject.Close", ThankYouFields);
    public static readonly TemplateSlot ThankYouThanks = Slot("ThankYou.Thanks", ThankYouFields);
    public static readonly TemplateSlot ThankYouThanksClose = Slot("ThankYou.Thanks.Close", ThankYouFields);
    public static readonly TemplateSlot ThankYouTakeaway = Slot("ThankYou.Takeaway", ThankYouFields, "takeaway");
    public static readonly TemplateSlot ThankYouPlan = Slot("ThankYou.Plan", ThankYouFields, "action");
    public static readonly TemplateSlot ThankYouPlanDone = Slot("ThankYou.PlanDone", ThankYouFields, "action");
    public static readonly TemplateSlot ThankYouReferral = Slot("ThankYou.Referral", ThankYouFields, "referrals");
    public static readonly TemplateSlot ThankYouReportBack = Slot("ThankYou.ReportBack", ThankYouFields);
    public static readonly TemplateSlot ThankYouClose = Slot("ThankYou.Close", ThankYouFields);
    public static readonly TemplateSlot ThankYouCloseClose = Slot("ThankYou.Close.Close", ThankYouFields);

    public static readonly TemplateSlot FollowUpSubject = Slot("FollowUp.Subject", FollowUpFields);
    public static readonly TemplateSlot FollowUpOpening = Slot("FollowUp.Opening", FollowUpFields);
    public static readonly TemplateSlot FollowUpAsk = Slot("FollowUp.Ask", FollowUpFields);
    public static readonly TemplateSlot FollowUpClose = Slot("FollowUp.Close", FollowUpFields);

    public static readonly TemplateSlot StayInTouchSubject = Slot("StayInTouch.Subject", StayInTouchFields);
    public static readonly TemplateSlot StayInTouchOpening = Slot("StayInTouch.Opening", StayInTouchFields);
    public static readonly TemplateSlot StayInTouchAdvice = Slot("StayInTouch.Advice", StayInTouchFields, "advice");
    public static readonly TemplateSlot StayInTouchOutcome = Slot("StayInTouch.Outcome", StayInTouchFields);
    public static readonly TemplateSlot StayInTouchClose = Slot("StayInTouch.Close", StayInTouchFields);

    /// <summary>Every editable part, for the settings screen and the tests.</summary>
    public static IReadOnlyList<TemplateSlot> All { get; } =
    [
        OutreachSubjectClose, OutreachSubjectWarm, OutreachSubjectCold, OutreachSubjectReferral, OutreachSubjectFallback,
        ConnectionReferral, ConnectionCold, ConnectionManager, ConnectionCoopTeammate, ConnectionColleague, ConnectionFamily,
        ConnectionFriend, ConnectionFriendOfFriend, ConnectionAlumni, ConnectionProfessor, ConnectionOtherWarm,
        OutreachInterest, OutreachAboutMeNew, OutreachAboutMeUpdate, OutreachAboutMeAlumni, OutreachPurpose,
        OutreachAskClose, OutreachAskWarm, OutreachAskCold, OutreachOffer, OutreachThanks,
        GreetingClose, GreetingWarm, GreetingFormal, SignOffClose, SignOffWarm, SignOffFormal,
        ThankYouSubject, ThankYouSubjectClose, ThankYouThanks, ThankYouThanksClose, ThankYouTakeaway, ThankYouPlan, ThankYouPlanDone,
        ThankYouReferral, ThankYouReportBack, ThankYouClose, ThankYouCloseClose,
        FollowUpSubject, FollowUpOpening, FollowUpAsk, FollowUpClose,
        StayInTouchSubject, StayInTouchOpening, StayInTouchAdvice, StayInTouchOutcome, StayInTouchClose,
    ];

    /// <summary>The first sentence of an outreach request for each way of knowing someone.</summary>
    public static TemplateSlot ConnectionFor(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Manager => ConnectionManager,
        ConnectionKind.CoopTeammate => ConnectionCoopTeammate,
        ConnectionKind.Colleague => ConnectionColleague,
        ConnectionKind.Family => ConnectionFamily,
        ConnectionKind.Friend => ConnectionFriend,
        ConnectionKind.FriendOfFriend => ConnectionFriendOfFriend,
        ConnectionKind.Alumni => ConnectionAlumni,
        ConnectionKind.Professor => ConnectionProfessor,
        ConnectionKind.OtherWarm => ConnectionOtherWarm,
        _ => ConnectionCold,
    };

    public static TemplateSlot? Find(string key) => All.FirstOrDefault(slot => slot.Key == key);

    private static TemplateSlot Slot(string key, string[] fields, params string[] requiresAnyOf) =>
        new(key, new HashSet<string>(fields, StringComparer.Ordinal), requiresAnyOf);
}

/// <summary>
/// The wording in force for one culture: the built-in variants from the resources, replaced part by
/// part by the user's own wording. Each line of a part's text is one variant.
/// </summary>
public sealed class DraftTemplates
{
    private readonly Dictionary<string, IReadOnlyList<MergeTemplate>> variants = new(StringComparer.Ordinal);

    private DraftTemplates(DraftText text)
    {
        Text = text;
        Grammar = MergeGrammar.For(text);
    }

    public DraftText Text { get; }

    /// <summary>How merged values are written for this culture.</summary>
    public MergeGrammar Grammar { get; }

    public CultureInfo Culture => Text.Culture;

    public static DraftTemplates English { get; } = ForCulture(CultureInfo.GetCultureInfo("en"));

    private static readonly DraftTemplates FrenchVous = ForCulture(DraftLanguages.Culture(DraftLanguage.Fr));
    private static readonly DraftTemplates FrenchTu = ForCulture(DraftLanguages.Culture(DraftLanguage.Fr), address: AddressForm.Tu);

    /// <summary>The built-in wording for a language and, in French, the address form.</summary>
    public static DraftTemplates For(DraftLanguage language, AddressForm address = AddressForm.Vous) =>
        language == DraftLanguage.En ? English : address == AddressForm.Tu ? FrenchTu : FrenchVous;

    /// <summary>The built-in wording a recipient is written to in.</summary>
    public static DraftTemplates For(DraftRecipient recipient) => For(recipient.Language, recipient.AddressInUse);

    /// <summary>
    /// Loads the wording for a culture with the user's overrides (slot key → text). An override that
    /// no longer validates (it was saved before a field was renamed) is ignored rather than printed.
    /// </summary>
    public static DraftTemplates ForCulture(CultureInfo culture, IReadOnlyDictionary<string, string>? overrides = null, AddressForm address = AddressForm.Vous)
    {
        var text = new DraftText(culture, address);
        var templates = new DraftTemplates(text);
        foreach (var slot in TemplateSlots.All)
        {
            IReadOnlyList<MergeTemplate>? chosen = null;
            if (overrides is not null && overrides.TryGetValue(slot.Key, out var custom))
            {
                var parsed = ParseVariants(slot, custom, text);
                if (parsed.Problems.Count == 0)
                    chosen = parsed.Templates;
            }
            if (chosen is null)
            {
                var builtIn = ParseVariants(slot, text.Get(slot.Key), text);
                if (builtIn.Problems.Count > 0)
                    throw new InvalidOperationException($"Built-in wording '{slot.Key}' is invalid: {builtIn.Problems[0].Message}");
                chosen = builtIn.Templates;
            }
            templates.variants[slot.Key] = chosen;
        }
        return templates;
    }

    /// <summary>Checks a user's wording for a part before it is saved; an empty list means it can be saved.</summary>
    public static IReadOnlyList<TemplateProblem> Validate(string slotKey, string text, CultureInfo culture)
    {
        var strings = new DraftText(culture);
        var slot = TemplateSlots.Find(slotKey);
        return slot is null
            ? [new TemplateProblem(0, strings.Format("Template.UnknownPart", slotKey))]
            : ParseVariants(slot, text, strings).Problems;
    }

    /// <summary>The variants of a part, in resource order.</summary>
    public IReadOnlyList<MergeTemplate> Variants(TemplateSlot slot) => variants[slot.Key];

    /// <summary>Renders variant <paramref name="index"/> (wrapped to the number of variants) of a part.</summary>
    public IReadOnlyList<string> Render(TemplateSlot slot, int index, IReadOnlyDictionary<string, string?> values)
    {
        var list = variants[slot.Key];
        return list[((index % list.Count) + list.Count) % list.Count].Render(values, Grammar);
    }

    private static (IReadOnlyList<MergeTemplate> Templates, IReadOnlyList<TemplateProblem> Problems) ParseVariants(
        TemplateSlot slot, string text, DraftText strings)
    {
        var templates = new List<MergeTemplate>();
        var problems = new List<TemplateProblem>();
        var lines = DraftText.SplitLines(text);
        if (lines.Count == 0)
            problems.Add(new TemplateProblem(0, strings.Get("Template.Empty")));
        foreach (var line in lines)
        {
            var result = MergeTemplate.Parse(line, slot.Fields, strings);
            problems.AddRange(result.Problems);
            if (result.Template is null)
                continue;
            if (slot.RequiresAnyOf.Count > 0 && !slot.RequiresAnyOf.Any(result.Template.Fields.Contains))
                problems.Add(new TemplateProblem(0, strings.Format("Template.MissingRequiredField", line, "{" + slot.RequiresAnyOf[0] + "}")));
            else
                templates.Add(result.Template);
        }
        return (templates, problems);
    }
}
