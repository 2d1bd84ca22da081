using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Deleting;

/// <summary>One removed row: its entity type and every property's value, by name.</summary>
public sealed record RowSnapshot(string Entity, Dictionary<string, JsonElement> Values);

/// <summary>A link another row had to a removed one (a referral's "suggested by"), cleared by the delete and set again by a restore.</summary>
public sealed record LinkSnapshot(Guid PersonId, string Property, Guid Value);

public sealed record DeletionSnapshot(IReadOnlyList<RowSnapshot> Rows, IReadOnlyList<LinkSnapshot> Links);

/// <summary>
/// Deletes a person (with their conversations) or one conversation so that it can be undone for a
/// while: the rows are copied, property by property from the model, into a <see cref="DeletedRecord"/>
/// before they are removed, and a restore adds them back with their ids.
/// </summary>
public static class DeletedRecords
{
    /// <summary>How long a delete can be undone; after it, the copy is removed too.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(15);

    /// <summary>Removes the interview with its history, takeaways, touches and follow-through records, keeping a copy.</summary>
    public static async Task<DeletedRecord> DeleteInterviewAsync(AppDbContext db, Interview interview, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new List<RowSnapshot>();
        var links = new List<LinkSnapshot>();
        await CopyInterviewAsync(db, interview, rows, links, ct);
        db.Interviews.Remove(interview);
        return Keep(db, "interview", interview.Id, StoredText.Store(DeletedRecord.DescriptionLength, "Deleted.Interview", interview.Person!.Name), rows, links, now);
    }

    /// <summary>Removes the person with their conversations, keeping a copy; the people they suggested stay, the link kept for a restore.</summary>
    public static async Task<DeletedRecord> DeletePersonAsync(AppDbContext db, Person person, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new List<RowSnapshot> { Copy(db.Entry(person)) };
        var links = new List<LinkSnapshot>();
        foreach (var referred in await db.People.Where(p => p.ReferredById == person.Id).ToListAsync(ct))
            links.Add(new LinkSnapshot(referred.Id, nameof(Person.ReferredById), person.Id));
        var interviews = await db.Interviews.Include(i => i.Person).Include(i => i.StageChanges).Include(i => i.Takeaways).Include(i => i.Touches)
            .AsSplitQuery().Where(i => i.PersonId == person.Id).ToListAsync(ct);
        foreach (var interview in interviews) await CopyInterviewAsync(db, interview, rows, links, ct);
        db.People.Remove(person);
        return Keep(db, "person", person.Id, person.Name, rows, links, now);
    }

    private static async Task CopyInterviewAsync(AppDbContext db, Interview interview, List<RowSnapshot> rows, List<LinkSnapshot> links, CancellationToken ct)
    {
        rows.Add(Copy(db.Entry(interview)));
        await db.Entry(interview).Collection(i => i.StageChanges).LoadAsync(ct);
        await db.Entry(interview).Collection(i => i.Takeaways).LoadAsync(ct);
        await db.Entry(interview).Collection(i => i.Touches).LoadAsync(ct);
        rows.AddRange(interview.StageChanges.Select(c => Copy(db.Entry(c))));
        rows.AddRange(interview.Takeaways.Select(t => Copy(db.Entry(t))));
        rows.AddRange(interview.Touches.Select(t => Copy(db.Entry(t))));
        // What the follow-through did for it: restored, a thank-you it drafted is not drafted twice.
        foreach (var activity in await db.AutomationActivities.Where(a => a.InterviewId == interview.Id).ToListAsync(ct))
            rows.Add(Copy(db.Entry(activity)));
        // Loaded so the change tracker clears the "referred during this interview" links with the row.
        foreach (var referred in await db.People.Where(p => p.ReferredViaInterviewId == interview.Id).ToListAsync(ct))
            links.Add(new LinkSnapshot(referred.Id, nameof(Person.ReferredViaInterviewId), interview.Id));
    }

    private static RowSnapshot Copy(EntityEntry entry) => new(entry.Metadata.Name,
        entry.Properties.ToDictionary(p => p.Metadata.Name, p => JsonSerializer.SerializeToElement(p.CurrentValue, p.Metadata.ClrType)));

    private static DeletedRecord Keep(AppDbContext db, string kind, Guid id, string description, List<RowSnapshot> rows, List<LinkSnapshot> links, DateTimeOffset now)
    {
        var record = new DeletedRecord
        {
            Kind = kind,
            RecordId = id,
            Description = description.Length > DeletedRecord.DescriptionLength ? description[..DeletedRecord.DescriptionLength] : description,
            Snapshot = JsonSerializer.Serialize(new DeletionSnapshot(rows, links)),
            DeletedAt = now,
        };
        db.Add(record);
        return record;
    }

    /// <summary>
    /// Adds the copied rows back with their ids and sets the cleared links again where those people
    /// are still there; the copy goes. Null when done, otherwise why it cannot be (nothing changed).
    /// </summary>
    public static async Task<string?> RestoreAsync(AppDbContext db, DeletedRecord record, CancellationToken ct)
    {
        var snapshot = JsonSerializer.Deserialize<DeletionSnapshot>(record.Snapshot)!;
        var restoredIds = snapshot.Rows.Select(r => r.Values["Id"].GetGuid()).ToHashSet();
        foreach (var row in snapshot.Rows.Where(r => r.Entity == typeof(Interview).FullName))
        {
            var personId = row.Values[nameof(Interview.PersonId)].GetGuid();
            if (!restoredIds.Contains(personId) && !await db.People.AnyAsync(p => p.Id == personId, ct))
                return ApiText.Format("Deleted.PersonGone", StoredText.Read(record.Description));
        }
        foreach (var row in snapshot.Rows)
        {
            var type = db.Model.FindEntityType(row.Entity) ?? throw new InvalidOperationException($"No entity {row.Entity} in the model.");
            var entity = Activator.CreateInstance(type.ClrType)!;
            var entry = db.Entry(entity);
            foreach (var property in type.GetProperties())
                if (row.Values.TryGetValue(property.Name, out var value))
                    entry.Property(property.Name).CurrentValue = value.Deserialize(property.ClrType);
            // A link to someone deleted since is left empty rather than refused.
            if (entity is Person restored)
            {
                if (restored.ReferredById is { } by && !restoredIds.Contains(by) && !await db.People.AnyAsync(p => p.Id == by, ct)) restored.ReferredById = null;
                if (restored.ReferredViaInterviewId is { } via && !restoredIds.Contains(via) && !await db.Interviews.AnyAsync(i => i.Id == via, ct)) restored.ReferredViaInterviewId = null;
            }
            entry.State = EntityState.Added;
        }
        var ids = snapshot.Links.Select(l => l.PersonId).Distinct().ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var link in snapshot.Links)
        {
            if (!people.TryGetValue(link.PersonId, out var person)) continue;
            if (link.Property == nameof(Person.ReferredById)) person.ReferredById ??= link.Value;
            else person.ReferredViaInterviewId ??= link.Value;
        }
        db.DeletedRecords.Remove(record);
        return null;
    }

    /// <summary>Removes every copy older than the window (all users': the rows they held are already gone).</summary>
    public static Task<int> PurgeAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - UndoWindow;
        return db.DeletedRecords.IgnoreQueryFilters().Where(d => d.DeletedAt < before).ExecuteDeleteAsync(ct);
    }
}
