namespace OutlookInterviewAddin.Drafting;

/// <summary>What an outreach request is written from.</summary>
public sealed record OutreachRequest(DraftSender Sender, DraftRecipient Recipient, DraftVariety Variety, DraftReferrer? Referrer = null);

/// <summary>
/// Writes the request for an informational interview: the connection first (who referred them, or
/// how the user knows them), interest stated narrowly (their role, their organisation) and broadly
/// (the field), a short ask for 15–30 minutes framed as a question, an offer of coffee or a call,
/// and never a word about jobs. Every draft it returns passes <see cref="OutreachChecker"/>.
/// </summary>
public sealed class OutreachComposer(DraftTemplates templates)
{
    private readonly OutreachChecker checker = new(templates.Text);

    public static OutreachComposer English { get; } = new(DraftTemplates.English);

    public Composition Compose(OutreachRequest request)
    {
        var values = Values(request);
        var context = CheckContextFor(request);
        var warm = request.Recipient.IsWarm || request.Referrer is not null;

        // The order sets which part changes first between people contacted the same day.
        TemplateSlot[] parts =
        [
            ConnectionSlot(request),
            warm ? TemplateSlots.OutreachAskWarm : TemplateSlots.OutreachAskCold,
            TemplateSlots.OutreachInterest,
            TemplateSlots.OutreachOffer,
            warm ? TemplateSlots.OutreachGreetingWarm : TemplateSlots.OutreachGreetingCold,
            TemplateSlots.OutreachAboutMe,
            TemplateSlots.OutreachThanks,
            TemplateSlots.EmailSignOff,
            SubjectSlot(request),
        ];
        var chosen = request.Variety.Choose([.. parts.Select(p => (p.Key, templates.Variants(p).Count))]);
        var subject = Subject(parts[^1], chosen[^1], values, context);

        // The full draft first; if it breaks a rule (usually length, with long names), drop the
        // courtesy sentence, then the sentence about the sender, then try the next wordings.
        Composition? best = null;
        var fewest = int.MaxValue;
        var maxVariants = parts.Max(p => templates.Variants(p).Count);
        for (var shift = 0; shift < maxVariants; shift++)
        {
            foreach (var (withAboutMe, withThanks) in new[] { (true, true), (true, false), (false, false) })
            {
                var candidate = Build(parts, chosen, shift, values, subject, withAboutMe, withThanks, request.Sender);
                var findings = checker.Check(candidate.Subject, candidate.ToPlainText(), context).Count;
                if (findings == 0)
                    return candidate;
                if (findings < fewest)
                    (best, fewest) = (candidate, findings);
            }
        }
        return best!;
    }

    /// <summary>What the checker needs to know to check this request, or the user's edits of it.</summary>
    public static OutreachCheckContext CheckContextFor(OutreachRequest request) =>
        new(request.Referrer?.FullName,
            [.. new[] { request.Recipient.Organisation, request.Recipient.Role, request.Recipient.Field, request.Recipient.SharedContext }
                .Concat(request.Sender.FieldsOfInterest ?? [])
                .Append(request.Sender.School).Append(request.Sender.Program)
                .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)]);

    private Composition Build(TemplateSlot[] parts, int[] chosen, int shift, Dictionary<string, string?> values, string subject,
        bool withAboutMe, bool withThanks, DraftSender sender)
    {
        IReadOnlyList<string> Part(int i) => templates.Render(parts[i], chosen[i] + shift, values);

        var body = new List<string>();
        body.AddRange(Part(0));               // connection
        body.AddRange(Part(2));               // interest, narrow and broad
        if (withAboutMe)
            body.AddRange(Part(5));
        body.AddRange(Part(1));               // the ask
        body.AddRange(Part(3));               // coffee or a call
        if (withThanks)
            body.AddRange(Part(6));

        return new Composition(subject,
        [
            ParagraphBlock.FromSentences(Part(4)),
            ParagraphBlock.FromSentences(body),
            ParagraphBlock.FromLines([.. Part(7), .. sender.NameAndSignature]),
        ]);
    }

    // Subjects of 3–4 words do best: take the chosen wording if it renders to that length (a long
    // field name can push it over), else the next one, else the plain fallback.
    private string Subject(TemplateSlot slot, int chosen, Dictionary<string, string?> values, OutreachCheckContext context)
    {
        var count = templates.Variants(slot).Count;
        for (var i = 0; i < count; i++)
        {
            var subject = string.Join(' ', templates.Render(slot, chosen + i, values));
            var words = OutreachChecker.CountWords(subject);
            if (words is >= 3 and <= OutreachChecker.MaximumSubjectWords
                && !checker.Check(subject, "", context).Any(f => f.Part == DraftPart.Subject))
                return subject;
        }
        return string.Join(' ', templates.Render(TemplateSlots.OutreachSubjectFallback, 0, values));
    }

    private static TemplateSlot ConnectionSlot(OutreachRequest request) =>
        request.Referrer is not null
            ? TemplateSlots.ConnectionReferral
            : request.Recipient.Connection switch
            {
                ConnectionKind.WorkedTogether => TemplateSlots.ConnectionWorkedTogether,
                ConnectionKind.Family => TemplateSlots.ConnectionFamily,
                ConnectionKind.FamilyFriend => TemplateSlots.ConnectionFamilyFriend,
                ConnectionKind.MetBefore => TemplateSlots.ConnectionMetBefore,
                _ => TemplateSlots.ConnectionCold,
            };

    private static TemplateSlot SubjectSlot(OutreachRequest request) =>
        request.Referrer is not null ? TemplateSlots.OutreachSubjectReferral
        : request.Recipient.IsWarm ? TemplateSlots.OutreachSubjectWarm
        : TemplateSlots.OutreachSubjectCold;

    private static Dictionary<string, string?> Values(OutreachRequest request)
    {
        var (sender, recipient) = (request.Sender, request.Recipient);
        var values = DraftValues.Email(sender, recipient);
        values["city"] = recipient.City;
        values["sharedContext"] = recipient.SharedContext;
        values["referrerName"] = request.Referrer?.FullName;
        values["referrerFirstName"] = request.Referrer?.FirstName;
        values["school"] = sender.School;
        values["program"] = sender.Program;
        return values;
    }
}
