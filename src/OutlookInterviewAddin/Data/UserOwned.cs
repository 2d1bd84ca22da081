namespace OutlookInterviewAddin.Data;

/// <summary>
/// A row that belongs to one user. <see cref="AppDbContext"/> stamps the owner on insert and
/// filters every query by the signed-in user, so feature code cannot forget either.
/// </summary>
public abstract class UserOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerTenantId { get; set; }
    public Guid OwnerObjectId { get; set; }
}
