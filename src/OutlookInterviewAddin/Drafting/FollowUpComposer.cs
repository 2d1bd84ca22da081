namespace OutlookInterviewAddin.Drafting;

/// <summary>What the one follow-up is written from.</summary>
/// <param name="OriginalSentOn">When the unanswered request was sent.</param>
/// <param name="FollowUpsAlreadySent">Follow-ups already sent to this person for this request.</param>
public sealed record FollowUpRequest(DraftSender Sender, DraftRecipient Recipient, DateOnly OriginalSentOn, DraftVariety Variety,
    int FollowUpsAlreadySent = 0);

/// <summary>
/// Writes the single polite follow-up sent after 7 business days without a reply (the follow-through
/// feature decides when). It restates the ask as a question and lets the person off the hook.
/// There is only ever one: asking for a second is refused.
/// </summary>
public sealed class FollowUpComposer(DraftTemplates templates)
{
    public static FollowUpComposer English { get; } = new(DraftTemplates.English);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DraftTemplates, FollowUpComposer> ByWording = new();

    /// <summary>The composer that writes to this person: in their language and, in French, with tu or vous.</summary>
    public static FollowUpComposer For(DraftRecipient recipient) => ByWording.GetOrAdd(DraftTemplates.For(recipient), t => new(t));

    public Composition Compose(FollowUpRequest request)
    {
        if (request.FollowUpsAlreadySent > 0)
            throw new InvalidOperationException("Only one follow-up is sent; after it, the person is left alone.");

        var text = templates.Text;
        var values = DraftValues.Email(request.Sender, request.Recipient);
        values["originalDate"] = request.OriginalSentOn.ToString(text.Get("Format.Day"), text.Culture);

        var voice = Voice.For(request.Recipient, referred: false);
        TemplateSlot[] parts = [TemplateSlots.FollowUpSubject, TemplateSlots.FollowUpOpening, TemplateSlots.FollowUpAsk, TemplateSlots.FollowUpClose];
        var chosen = request.Variety.Choose([.. parts.Select(p => (p.Key, templates.Variants(p).Count))]);
        IReadOnlyList<string> Part(int i) => templates.Render(parts[i], chosen[i], values);

        return EmailLayout.Build(string.Join(' ', Part(0)), voice.GreetingLine(templates, request.Variety, values),
            [[.. Part(1), .. Part(2), .. Part(3)]], voice.SignOffLine(templates, request.Variety, values), request.Sender);
    }
}
