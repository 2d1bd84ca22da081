namespace OutlookInterviewAddin.Drafting;

/// <summary>What a stay-in-touch update is written from.</summary>
/// <param name="AdviceActedOn">The advice, in the user's words, that they acted on.</param>
/// <param name="ActionTaken">What they did, as a past-tense phrase ("built a portfolio with three projects").</param>
/// <param name="Outcome">What came of it, as a phrase ("two people asked to see it").</param>
/// <param name="LastMet">When they last spoke.</param>
/// <param name="OfferLinkedIn">Whether to offer to connect on LinkedIn (when the profile has a link).</param>
public sealed record StayInTouchRequest(DraftSender Sender, DraftRecipient Recipient, string AdviceActedOn, DraftVariety Variety,
    string? ActionTaken = null, string? Outcome = null, DateOnly? LastMet = null, bool OfferLinkedIn = false);

/// <summary>
/// Writes the occasional update (about three a year) that reports back on advice acted on: the
/// touch that turns one conversation into a lasting contact.
/// </summary>
public sealed class StayInTouchComposer(DraftTemplates templates)
{
    public static StayInTouchComposer English { get; } = new(DraftTemplates.English);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DraftTemplates, StayInTouchComposer> ByWording = new();

    /// <summary>The composer that writes to this person: in their language and, in French, with tu or vous.</summary>
    public static StayInTouchComposer For(DraftRecipient recipient) => ByWording.GetOrAdd(DraftTemplates.For(recipient), t => new(t));

    /// <summary>What the user set out to do, as a phrase after "Since then, I": "set out to apply", "décidé de postuler".</summary>
    public static string ActionTaken(DraftRecipient recipient, string action) =>
        DraftTemplates.For(recipient).Text.Format("StayInTouch.SetOutTo", action);

    public Composition Compose(StayInTouchRequest request)
    {
        var text = templates.Text;
        var values = DraftValues.Email(request.Sender, request.Recipient);
        values["advice"] = DraftValues.Quote(request.AdviceActedOn, text);
        values["actionTaken"] = DraftValues.Clause(request.ActionTaken);
        values["outcome"] = DraftValues.Clause(request.Outcome);
        values["lastMet"] = request.LastMet?.ToString(text.Get("Format.MonthYear"), text.Culture);

        var voice = Voice.For(request.Recipient, referred: false);
        TemplateSlot[] parts =
        [
            TemplateSlots.StayInTouchSubject, TemplateSlots.StayInTouchOpening, TemplateSlots.StayInTouchAdvice, TemplateSlots.StayInTouchOutcome,
            TemplateSlots.StayInTouchClose,
        ];
        var chosen = request.Variety.Choose([.. parts.Select(p => (p.Key, templates.Variants(p).Count))]);
        IReadOnlyList<string> Part(int i) => templates.Render(parts[i], chosen[i], values);

        // Only a well-formed http(s) link is offered; anything else is left out rather than emitted.
        var linkedIn = request.OfferLinkedIn ? TextSpan.TryParseLink(request.Sender.LinkedInUrl) : null;
        IReadOnlyList<TextSpan>? linkSpans = linkedIn is null
            ? null
            : [new TextSpan(text.Get("StayInTouch.LinkedIn") + " "), new TextSpan(linkedIn.AbsoluteUri, linkedIn)];

        return EmailLayout.Build(string.Join(' ', Part(0)), voice.GreetingLine(templates, request.Variety, values),
            [[.. Part(1)], [.. Part(2), .. Part(3)], [.. Part(4)]], voice.SignOffLine(templates, request.Variety, values), request.Sender, linkSpans);
    }
}
