using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.Drafting;

/// <summary>How familiar a mail sounds: to family and friends, to people the user knows, to people they do not.</summary>
public enum Register
{
    Close,
    Warm,
    Formal,
}

/// <summary>
/// The voice toward one person, decided by how the user knows them and used by every mail to them
/// (outreach, follow-up, thank-you, stay in touch): the greeting, the sign-off, how the outreach
/// opens and what the user says about themselves (nothing their family already knows).
/// </summary>
public sealed partial record Voice(
    Register Register,
    TemplateSlot Greeting,
    TemplateSlot SignOff,
    TemplateSlot Connection,
    TemplateSlot? AboutMe,
    TemplateSlot OutreachSubject,
    TemplateSlot OutreachAsk,
    TemplateSlot ThankYouSubject,
    TemplateSlot ThankYouThanks,
    TemplateSlot ThankYouClose)
{
    /// <summary>The voice for a recipient; <paramref name="referred"/> when someone suggested them.</summary>
    public static Voice For(DraftRecipient recipient, bool referred)
    {
        var kind = recipient.Connection;
        var register = kind switch
        {
            ConnectionKind.Family or ConnectionKind.Friend => Register.Close,
            ConnectionKind.Cold or ConnectionKind.Professor => Register.Formal,
            _ => Register.Warm,
        };
        // "Greet as Dr. Okafor" asks for a formal greeting whatever the connection.
        var greetingRegister = HasTitle(recipient.GreetAs) ? Register.Formal : register;
        var close = register == Register.Close;
        return new Voice(
            register,
            greetingRegister switch
            {
                Register.Close => TemplateSlots.GreetingClose,
                Register.Warm => TemplateSlots.GreetingWarm,
                _ => TemplateSlots.GreetingFormal,
            },
            register switch
            {
                Register.Close => TemplateSlots.SignOffClose,
                Register.Warm => TemplateSlots.SignOffWarm,
                _ => TemplateSlots.SignOffFormal,
            },
            referred ? TemplateSlots.ConnectionReferral : TemplateSlots.ConnectionFor(kind),
            kind switch
            {
                ConnectionKind.Family or ConnectionKind.Friend => null,
                ConnectionKind.Manager or ConnectionKind.CoopTeammate or ConnectionKind.Colleague or ConnectionKind.Professor => TemplateSlots.OutreachAboutMeUpdate,
                ConnectionKind.Alumni => TemplateSlots.OutreachAboutMeAlumni,
                _ => TemplateSlots.OutreachAboutMeNew,
            },
            referred ? TemplateSlots.OutreachSubjectReferral
                : close ? TemplateSlots.OutreachSubjectClose
                : register == Register.Warm ? TemplateSlots.OutreachSubjectWarm
                : TemplateSlots.OutreachSubjectCold,
            close ? TemplateSlots.OutreachAskClose : recipient.IsWarm || referred ? TemplateSlots.OutreachAskWarm : TemplateSlots.OutreachAskCold,
            close ? TemplateSlots.ThankYouSubjectClose : TemplateSlots.ThankYouSubject,
            close ? TemplateSlots.ThankYouThanksClose : TemplateSlots.ThankYouThanks,
            close ? TemplateSlots.ThankYouCloseClose : TemplateSlots.ThankYouClose);
    }

    /// <summary>The greeting line, the same for this person in every mail.</summary>
    public IReadOnlyList<string> GreetingLine(DraftTemplates templates, DraftVariety variety, IReadOnlyDictionary<string, string?> values) =>
        templates.Render(Greeting, variety.Stable("greeting", templates.Variants(Greeting).Count), values);

    /// <summary>The sign-off line, the same for this person in every mail.</summary>
    public IReadOnlyList<string> SignOffLine(DraftTemplates templates, DraftVariety variety, IReadOnlyDictionary<string, string?> values) =>
        templates.Render(SignOff, variety.Stable("signOff", templates.Variants(SignOff).Count), values);

    private static bool HasTitle(string? greetAs) => greetAs is not null && Title().IsMatch(greetAs.Trim());

    // English titles, and the French ones ("Mme Tremblay", "M. Côté", "Pr Gagnon", "Me Roy").
    [GeneratedRegex(@"^(?:(?:Dr|Dre|Prof|Professor|Mr|Mrs|Ms|Mx|Dean|Rev|Hon|Judge|Justice|Sir|Dame|Mme|Mlle|Pr|Pre|Me)\.?|M\.)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Title();
}
