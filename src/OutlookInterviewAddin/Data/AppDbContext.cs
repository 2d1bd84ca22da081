using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.LocalMailbox;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.QuestionLists;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// The one database of the host. Entities come from the feature folders, each configured by its
/// own IEntityTypeConfiguration. Every entity is <see cref="UserOwned"/>: a global query filter
/// limits reads to the signed-in user and SaveChanges stamps (and guards) the owner on writes.
/// </summary>
/// <remarks>
/// This type is the SQLite database and carries its migrations (Data/Migrations);
/// <see cref="PostgreSqlDbContext"/> is the same model on PostgreSQL with its own. Code asks for
/// AppDbContext and gets whichever the configuration chose (see <see cref="StorageOptions"/>).
/// </remarks>
public class AppDbContext : DbContext, IDataProtectionKeyContext
{
    private readonly DataOwner owner;

    public AppDbContext(DbContextOptions<AppDbContext> options, DataOwner owner) : this((DbContextOptions)options, owner) { }

    protected AppDbContext(DbContextOptions options, DataOwner owner) : base(options) => this.owner = owner;

    /// <summary>Whose rows this context sees and writes.</summary>
    internal DataOwner Owner => owner;

    // Read by the query filters on every query, so each context instance filters by its own user.
    private Guid OwnerTenantId => owner.TenantId;
    private Guid OwnerObjectId => owner.ObjectId;

    public DbSet<UserProfile> Profiles => Set<UserProfile>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Takeaway> Takeaways => Set<Takeaway>();
    public DbSet<Touch> Touches => Set<Touch>();
    public DbSet<QuestionList> QuestionLists => Set<QuestionList>();
    /// <summary>Copies of deleted people and conversations, for "Undo" within a few minutes (Deleting/).</summary>
    public DbSet<Deleting.DeletedRecord> DeletedRecords => Set<Deleting.DeletedRecord>();
    public DbSet<MailboxOperation> MailboxOperations => Set<MailboxOperation>();

    /// <summary>Microsoft 365 mode: the long-running sessions automation acts through, their token caches encrypted.</summary>
    public DbSet<AutomationGrant> AutomationGrants => Set<AutomationGrant>();
    // Follow-through (FollowThrough/): the per-user setting and what the jobs did.
    public DbSet<AutomationSetting> AutomationSettings => Set<AutomationSetting>();
    public DbSet<AutomationActivity> AutomationActivities => Set<AutomationActivity>();

    // The local mailbox (local mode only): a Graph-compatible store of drafts, events and invitations.
    public DbSet<MailboxMessage> MailboxMessages => Set<MailboxMessage>();
    public DbSet<MailboxEvent> MailboxEvents => Set<MailboxEvent>();
    public DbSet<MailboxAttachment> MailboxAttachments => Set<MailboxAttachment>();
    public DbSet<MailboxInvitation> MailboxInvitations => Set<MailboxInvitation>();
    public DbSet<MailboxContact> MailboxContacts => Set<MailboxContact>();

    /// <summary>The host's Data Protection keys, encrypted at rest (see DataProtectionSetup); shared by every host of a deployment.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset values; UTC DateTime orders correctly there and maps
        // to timestamptz on PostgreSQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(UserOwned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(OwnerFilter(entity.ClrType));
            modelBuilder.Entity(entity.ClrType).HasIndex(nameof(UserOwned.OwnerTenantId), nameof(UserOwned.OwnerObjectId));
        }
    }

    // e => e.OwnerTenantId == this.OwnerTenantId && e.OwnerObjectId == this.OwnerObjectId
    private LambdaExpression OwnerFilter(Type clrType)
    {
        var e = Expression.Parameter(clrType, "e");
        var context = Expression.Constant(this);
        Expression Same(string name) => Expression.Equal(
            Expression.Property(e, name),
            Expression.Property(context, typeof(AppDbContext).GetProperty(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!));
        return Expression.Lambda(Expression.AndAlso(Same(nameof(UserOwned.OwnerTenantId)), Same(nameof(UserOwned.OwnerObjectId))), e);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampOwner();
        MoveInterviewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampOwner();
        MoveInterviewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every interview this save changes, directly or through its stages, takeaways or touches, goes
    /// one version up, so its concurrency token guards every write without each handler remembering to.
    /// </summary>
    private void MoveInterviewVersions()
    {
        var withChangedParts = ChangeTracker.Entries<IInterviewPart>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.InterviewId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<Interview>())
        {
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && withChangedParts.Contains(entry.Entity.Id)))
            {
                var version = entry.Property(i => i.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private void StampOwner()
    {
        if (owner.KeepsRowOwners) return;
        foreach (var entry in ChangeTracker.Entries<UserOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (owner.IsNobody)
                throw new InvalidOperationException("User data can only be written on behalf of a signed-in user.");
            if (entry.State == EntityState.Added)
            {
                entry.Entity.OwnerTenantId = owner.TenantId;
                entry.Entity.OwnerObjectId = owner.ObjectId;
            }
            else if (entry.Entity.OwnerTenantId != owner.TenantId || entry.Entity.OwnerObjectId != owner.ObjectId)
            {
                throw new InvalidOperationException("A row of another user cannot be changed.");
            }
        }
    }
}
