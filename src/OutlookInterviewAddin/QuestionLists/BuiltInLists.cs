using OutlookInterviewAddin.People;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.QuestionLists;

/// <summary>The built-in kits seen as read-only question lists, and filling any list for one person.</summary>
public static class BuiltInLists
{
    public const string DefaultId = BuiltInKits.DefaultKey;

    /// <param name="language">The language of the person the list is for: French gets the French kits.</param>
    public static QuestionListContent? Find(string? id, Drafting.DraftLanguage language = Drafting.DraftLanguage.En) =>
        BuiltInKits.Find(id, language) is { } kit ? ContentOf(kit) : null;

    public static IReadOnlyList<(string Id, QuestionListContent Content)> All { get; } =
        [.. BuiltInKits.All.Select(k => (k.Key, ContentOf(k)))];

    private static readonly IReadOnlyList<(string Id, QuestionListContent Content)> AllFrench =
        [.. BuiltInKits.AllFrench.Select(k => (k.Key, ContentOf(k)))];

    /// <summary>The built-in lists in <paramref name="language"/>: the pane shows them in its reader's language.</summary>
    public static IReadOnlyList<(string Id, QuestionListContent Content)> In(Drafting.DraftLanguage language) =>
        language == Drafting.DraftLanguage.Fr ? AllFrench : All;

    /// <summary>The language of whoever reads this answer (the request's Accept-Language), as a draft language.</summary>
    public static Drafting.DraftLanguage ReadersLanguage =>
        Drafting.DraftLanguages.TryParse(System.Globalization.CultureInfo.CurrentUICulture.Name, out var language) ? language : Drafting.DraftLanguage.En;

    private static QuestionListContent ContentOf(QuestionKit kit) => new(kit.Name, kit.Opening, kit.Parts, kit.Closing);

    /// <summary>The list as the person will read it: placeholders filled from what is known about them, never shown raw.</summary>
    public static QuestionListContent Fill(QuestionListContent content, Person person, string? referrerName)
    {
        var values = new PlaceholderValues(person.Name, person.Organisation, person.Role, person.Field, person.City, referrerName);
        var filled = PlaceholderFiller.Fill(new QuestionKit("", content.Name, "", content.Opening ?? "", content.Parts, content.Closing ?? ""), values);
        return new QuestionListContent(
            PlaceholderFiller.Fill(content.Name, values) ?? content.Name,
            string.IsNullOrEmpty(filled.Opening) ? null : filled.Opening,
            filled.Parts,
            string.IsNullOrEmpty(filled.Closing) ? null : filled.Closing);
    }
}
