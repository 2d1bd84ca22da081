using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// The one rule for names and similar short values (a person's name, organisation, role and how to
/// greet them, the user's own name): they go into the greeting, subject and body of every draft, so
/// markup (<c>&lt;</c>, <c>&gt;</c>), placeholder syntax (<c>{…}</c>, <c>{{</c>, <c>}}</c>, <c>[[…]]</c>)
/// or control characters in them are a paste gone wrong, not a name. Checked where they are entered;
/// drafts still encode whatever is stored.
/// </summary>
public static class NameText
{
    /// <summary>What a field holds, for its message: "This does not look like {what}: …" (keys of <see cref="ApiText"/>).</summary>
    public const string Name = "NameText.Name";
    public const string Organisation = "NameText.Organisation";
    public const string Role = "NameText.Role";

    /// <summary>Trimmed text as <see cref="FieldErrors.Text"/> reads it, and an error when it does not look like <paramref name="what"/>.</summary>
    public static string? NameLike(this FieldErrors errors, string field, string? value, int max, string what, bool required = false)
    {
        var text = errors.Text(field, value, max, required);
        if (text is not null && Problem(text, what) is { } message) errors.Add(field, message);
        return text;
    }

    /// <summary>Why <paramref name="text"/> does not look like <paramref name="what"/>, or null when it does.</summary>
    public static string? Problem(string text, string what)
    {
        if (text.Any(char.IsControl))
            return ApiText.Format("NameText.ControlCharacters", ApiText.Get(what));
        if (HasMarkup(text))
            return ApiText.Format("NameText.Markup", ApiText.Get(what));
        return null;
    }

    private static bool HasMarkup(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal)) return true;
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal)) return true;
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0 && text.IndexOf('}', open + 1) > open) return true;
        var openLink = text.IndexOf("[[", StringComparison.Ordinal);
        return openLink >= 0 && text.IndexOf("]]", openLink + 2, StringComparison.Ordinal) > openLink;
    }
}
