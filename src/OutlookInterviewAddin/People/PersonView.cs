using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.People;

/// <summary>Reads a person with their referral chain both ways and their interviews.</summary>
public static class PersonView
{
    // A chain longer than this is a data problem, not a real referral history.
    private const int MaxChain = 50;

    public static async Task<PersonDto?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var chain = p.ReferredById is { } referrer ? await ReferralChainAsync(db, referrer, ct) : [];
        chain.Reverse();
        var referrals = await db.People.AsNoTracking().Where(x => x.ReferredById == id)
            .OrderBy(x => x.Name).Select(x => new PersonRef(x.Id, x.Name)).ToListAsync(ct);
        var interviews = await db.Interviews.AsNoTracking().Where(i => i.PersonId == id)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PersonInterviewRef(i.Id, i.Stage, i.StageEnteredAt, i.PlannedStart)).ToListAsync(ct);
        return new PersonDto(
            p.Id, p.Name, p.GreetAs, p.Email, p.Organisation, p.Role, p.Field, p.City, p.TimeZone, p.LinkedInUrl,
            p.Connection, p.Connection != ConnectionKind.Cold, p.ConnectionDetail, p.Notes,
            chain.Count > 0 ? chain[^1] : null, chain, referrals, interviews, p.CreatedAt, p.UpdatedAt, p.DoNotContact,
            Drafting.DraftLanguages.Code(p.Language), AddressChoice.CodeOf(p.AddressForm),
            AddressChoice.Code(p.AddressFormInUse));
    }

    /// <summary>The person <paramref name="from"/> and whoever referred them, upwards: the direct referrer first.</summary>
    public static async Task<List<PersonRef>> ReferralChainAsync(AppDbContext db, Guid from, CancellationToken ct)
    {
        var chain = new List<PersonRef>();
        Guid? next = from;
        while (next is { } id && chain.Count < MaxChain && chain.All(c => c.Id != id))
        {
            var row = await db.People.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Id, x.Name, x.ReferredById }).FirstOrDefaultAsync(ct);
            if (row is null) break;
            chain.Add(new PersonRef(row.Id, row.Name));
            next = row.ReferredById;
        }
        return chain;
    }

    public static Task<Person?> FindByEmailAsync(AppDbContext db, string? email, CancellationToken ct)
    {
        var key = Person.KeyOf(email);
        return key is null ? Task.FromResult<Person?>(null) : db.People.FirstOrDefaultAsync(p => p.EmailKey == key, ct);
    }
}
