using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>Brings the stored sessions of a schedule in line with its rule, in the caller's unit of work (one SaveChanges).</summary>
internal static class SessionPlan
{
    public static void Apply(IopDbContext db, Schedule schedule, IReadOnlyCollection<GroupSession> existing, DateTimeOffset now)
    {
        var changes = ScheduleExpander.Reconcile(existing, ScheduleExpander.Expand(schedule.Rule, schedule.Topics), now);
        db.Sessions.AddRange(changes.ToAdd.Select(slot => new GroupSession(Guid.NewGuid(), schedule.ClinicId, schedule.GroupId, schedule.Id, slot)));
        foreach (var update in changes.ToUpdate)
        {
            update.Session.Reschedule(update.Slot);
        }

        db.Sessions.RemoveRange(changes.ToRemove);
    }
}
