using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Export;

/// <param name="Confirmation">DELETE, or the user's name (as in their profile or as they are signed in), typed by the user.</param>
public sealed record EraseRequest(string? Confirmation);

/// <param name="Deleted">Rows deleted, by table.</param>
public sealed record EraseResult(IReadOnlyDictionary<string, int> Deleted, int Total);

/// <summary>
/// "Delete all my data": every row the signed-in user owns, in every table whose entity is
/// <see cref="UserOwned"/> (found from the model, so a table added later is covered without a
/// change here), in one transaction, after a typed confirmation. The query filter keeps every
/// delete to this user's rows; another user's data is untouched. An automation session, when the
/// host has one, is ended too.
/// </summary>
public static class EraseApi
{
    public const string ConfirmationWord = "DELETE";

    public static async Task<IResult> EraseAll(EraseRequest request, AppDbContext db, CurrentUser user, IServiceProvider services, CancellationToken ct)
    {
        var typed = request.Confirmation?.Trim();
        var profileName = await db.Profiles.AsNoTracking().Select(p => p.FullName).FirstOrDefaultAsync(ct);
        if (!Confirms(typed, profileName, user.DisplayName))
        {
            var errors = new FieldErrors();
            errors.Add("confirmation", ApiText.Format("Erase.Confirmation", ConfirmationWord));
            return errors.Problem();
        }

        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var entity in DeletionOrder(db.Model))
            {
                var count = await (Task<int>)DeleteAllMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, ct])!;
                deleted[entity.GetTableName() ?? entity.ClrType.Name] = count;
            }
            await transaction.CommitAsync(ct);
        }
        if (services.GetService<IAutomationSession>() is { } automation)
            await automation.EndAsync(new DataOwner(user.TenantId, user.ObjectId), CancellationToken.None);
        return TypedResults.Ok(new EraseResult(deleted, deleted.Values.Sum()));
    }

    internal static bool Confirms(string? typed, string? profileName, string? signedInName)
    {
        if (string.IsNullOrEmpty(typed)) return false;
        if (string.Equals(typed, ConfirmationWord, StringComparison.OrdinalIgnoreCase)) return true;
        return new[] { profileName, signedInName }.Any(n => !string.IsNullOrWhiteSpace(n) && string.Equals(typed, n.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every user-owned entity, dependents before the rows they point to. References the database
    /// clears itself (ON DELETE SET NULL: a person's referrer, the interview a referral came from)
    /// and a table's references to itself put no order on the deletes.
    /// </summary>
    internal static List<IEntityType> DeletionOrder(IModel model)
    {
        var remaining = model.GetEntityTypes()
            .Where(e => typeof(UserOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned() && e.GetTableName() is not null)
            .ToList();
        var order = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(candidate => !remaining.Any(other => other != candidate
                && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType == candidate && fk.DeleteBehavior != DeleteBehavior.SetNull)));
            if (next is null)
                throw new InvalidOperationException($"The user-owned tables reference each other in a loop: {string.Join(", ", remaining.Select(e => e.ClrType.Name))}.");
            order.Add(next);
            remaining.Remove(next);
        }
        return order;
    }

    private static readonly System.Reflection.MethodInfo DeleteAllMethod =
        typeof(EraseApi).GetMethod(nameof(DeleteAllAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    // The context's query filter limits ExecuteDelete to the signed-in user's rows.
    private static Task<int> DeleteAllAsync<T>(AppDbContext db, CancellationToken ct) where T : class => db.Set<T>().ExecuteDeleteAsync(ct);
}
