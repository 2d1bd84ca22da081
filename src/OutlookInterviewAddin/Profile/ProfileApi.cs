using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Profile;

public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfile(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup("/api/profile").RequireAuthorization().WithTags("Profile");
        profile.MapGet("/", GetProfile);
        profile.MapPut("/", PutProfile);
        return app;
    }

    public static async Task<Ok<ProfileDto>> GetProfile(AppDbContext db, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(ProfileDto.From(profile ?? new UserProfile()));
    }

    public static async Task<Results<Ok<ProfileDto>, ValidationProblem>> PutProfile(ProfileInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fullName = errors.NameLike("fullName", input.FullName, 200, NameText.Name);
        var interests = errors.Text("interests", input.Interests, 2000);
        var fields = errors.TextList("fieldsOfInterest", input.FieldsOfInterest, 20, 200);
        var positions = errors.TextList("positionsOfInterest", input.PositionsOfInterest, 20, 200);
        var inTen = errors.Text("inTenYears", input.InTenYears, 2000);
        var inTwenty = errors.Text("inTwentyYears", input.InTwentyYears, 2000);
        var school = errors.Text("school", input.School, 200);
        var program = errors.Text("program", input.Program, 200);
        var city = errors.Text("city", input.City, 200);
        var timeZone = errors.TimeZone("timeZone", input.TimeZone);
        var signature = errors.Text("signature", input.Signature, 2000);
        var language = PaneLanguage.Read(input.Language, errors);
        if (errors.Any) return errors.Problem();

        var profile = await db.Profiles.SingleOrDefaultAsync(ct);
        if (profile is null) db.Profiles.Add(profile = new UserProfile());
        profile.FullName = fullName;
        profile.Interests = interests;
        profile.FieldsOfInterest = fields;
        profile.PositionsOfInterest = positions;
        profile.InTenYears = inTen;
        profile.InTwentyYears = inTwenty;
        profile.School = school;
        profile.Program = program;
        profile.City = city;
        profile.TimeZone = timeZone;
        profile.Signature = signature;
        // A screen that does not show the setting leaves it as it was.
        if (language is { } chosen) profile.Language = chosen.Code;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProfileDto.From(profile));
    }
}

public sealed record ProfileInput(
    string? Interests,
    string?[]? FieldsOfInterest,
    string?[]? PositionsOfInterest,
    string? InTenYears,
    string? InTwentyYears,
    string? School,
    string? Program,
    string? City,
    string? TimeZone,
    string? Signature,
    string? FullName = null,
    string? Language = null);

public sealed record ProfileDto(
    string? Interests,
    IReadOnlyList<string> FieldsOfInterest,
    IReadOnlyList<string> PositionsOfInterest,
    string? InTenYears,
    string? InTwentyYears,
    string? School,
    string? Program,
    string? City,
    string? TimeZone,
    string? Signature,
    DateTimeOffset? UpdatedAt,
    string? FullName,
    string Language = PaneLanguage.Automatic)
{
    public static ProfileDto From(UserProfile p) => new(
        p.Interests, p.FieldsOfInterest, p.PositionsOfInterest, p.InTenYears, p.InTwentyYears,
        p.School, p.Program, p.City, p.TimeZone, p.Signature, p.UpdatedAt, p.FullName, p.Language ?? PaneLanguage.Automatic);
}

/// <summary>The pane's language setting: "en", "fr", or "auto" (Outlook's display language, else the browser's).</summary>
/// <param name="Code">What is stored: "en", "fr", or null for automatic.</param>
public sealed record PaneLanguage(string? Code)
{
    public const string Automatic = "auto";

    /// <summary>The setting as sent; null or blank: not given, left as it is.</summary>
    public static PaneLanguage? Read(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (string.Equals(value.Trim(), Automatic, StringComparison.OrdinalIgnoreCase)) return new((string?)null);
        if (Drafting.DraftLanguages.TryParse(value, out var language)) return new(Drafting.DraftLanguages.Code(language));
        errors.Add("language", ApiText.Format("Profile.Language", value.Trim()));
        return null;
    }
}
