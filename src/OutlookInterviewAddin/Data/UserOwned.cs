namespace OutlookInterviewAddin.Data;

/// <summary>
/// A row that belongs to one user. <see cref="AppDbContext"/> stamps the owner on insert and
/// filters every query by the signed-in user, so feature code cannot forget either.
/// </summary>
public abstract class UserOwned
{
    // Left empty until the row is added: EF Core then generates it, and treats rows reached through a navigation as new.
    public Guid Id { get; set; }
    public Guid OwnerTenantId { get; set; }
    public Guid OwnerObjectId { get; set; }
}
