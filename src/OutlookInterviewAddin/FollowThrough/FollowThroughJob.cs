using System.Globalization;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Localization;
using Quartz;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>
/// One user's follow-through sweep, as a Quartz job: one job per user who turned automation on,
/// fired every few minutes. Not concurrent (cluster-wide, through the job store's locks) and asking
/// for recovery, so a host that dies mid-sweep has the sweep run again by another host or by itself
/// once restarted; the sweep's claims and tags make that second run finish the work, not repeat it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FollowThroughJob(FollowThroughSweep sweep, ILogger<FollowThroughJob> logger) : IJob
{
    public const string Group = "follow-through";
    private const string TenantKey = "tid";
    private const string ObjectKey = "oid";

    public static JobKey KeyFor(DataOwner owner) => new($"{owner.TenantId:N}-{owner.ObjectId:N}", Group);

    public static IJobDetail DetailFor(DataOwner owner) => JobBuilder.Create<FollowThroughJob>()
        .WithIdentity(KeyFor(owner))
        .UsingJobData(TenantKey, owner.TenantId.ToString("D", CultureInfo.InvariantCulture))
        .UsingJobData(ObjectKey, owner.ObjectId.ToString("D", CultureInfo.InvariantCulture))
        .RequestRecovery()
        .StoreDurably()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var owner = new DataOwner(Guid.Parse(data.GetString(TenantKey)!), Guid.Parse(data.GetString(ObjectKey)!));
        var result = await sweep.RunAsync(owner, cancellationToken);
        if (result.Completed > 0 || result.Problem is not null)
            logger.LogInformation("Follow-through for {Owner}: {Completed} done{Problem}", owner.ObjectId, result.Completed,
                result.Problem is null ? "" : "; " + StoredText.Read(result.Problem, RequestLanguages.English));
    }
}
