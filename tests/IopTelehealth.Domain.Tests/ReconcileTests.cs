using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

/// <summary>
/// Slots are built by hand (UTC, one per local date) so these tests exercise Reconcile alone.
/// "Now" is Wednesday 10 June 2026 15:00Z throughout.
/// </summary>
public class ReconcileTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 6, 10, 15);
    private static readonly Guid ClinicId = Guid.NewGuid();
    private static readonly Guid GroupId = Guid.NewGuid();
    private static readonly Guid ScheduleId = Guid.NewGuid();

    [Fact]
    public void Sessions_that_have_started_are_never_touched()
    {
        var longAgo = Session(Slot(2026, 6, 8, 23));
        var inProgress = Session(Slot(2026, 6, 10, 14));

        // The new rule drops Monday and moves Wednesday later today; neither may rewrite history.
        var changes = ScheduleExpander.Reconcile([longAgo, inProgress], [Slot(2026, 6, 10, 22)], Now);

        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToUpdate);
        Assert.Empty(changes.ToRemove);
    }

    [Fact]
    public void A_session_starting_exactly_now_counts_as_started()
    {
        var startingNow = Session(Slot(2026, 6, 10, 15));

        var changes = ScheduleExpander.Reconcile([startingNow], [], Now);

        Assert.Empty(changes.ToRemove);
        Assert.Empty(changes.ToUpdate);
    }

    [Fact]
    public void Future_sessions_whose_date_still_has_a_slot_are_updated_in_place()
    {
        var thursday = Session(Slot(2026, 6, 11, 23, "Old topic"));
        var newSlot = Slot(2026, 6, 11, 22, "New topic");

        var changes = ScheduleExpander.Reconcile([thursday], [newSlot], Now);

        var update = Assert.Single(changes.ToUpdate);
        // Same object, so the id that attendance and room links refer to survives the change.
        Assert.Same(thursday, update.Session);
        Assert.Equal(newSlot, update.Slot);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToRemove);

        var id = thursday.Id;
        thursday.Reschedule(update.Slot);
        Assert.Equal(id, thursday.Id);
        Assert.Equal(Utc(2026, 6, 11, 22), thursday.ScheduledStart);
        Assert.Equal("New topic", thursday.Topic);
    }

    [Fact]
    public void Future_sessions_whose_date_lost_its_slot_are_removed()
    {
        var monday = Session(Slot(2026, 6, 15, 23));
        var wednesday = Session(Slot(2026, 6, 17, 23));

        var changes = ScheduleExpander.Reconcile([monday, wednesday], [Slot(2026, 6, 17, 23)], Now);

        Assert.Same(monday, Assert.Single(changes.ToRemove));
        Assert.Same(wednesday, Assert.Single(changes.ToUpdate).Session);
    }

    [Fact]
    public void New_future_slots_are_added()
    {
        var changes = ScheduleExpander.Reconcile([], [Slot(2026, 6, 16, 22), Slot(2026, 6, 18, 22)], Now);

        Assert.Equal([Date(2026, 6, 16), Date(2026, 6, 18)], changes.ToAdd.Select(s => s.LocalDate));
    }

    [Fact]
    public void Past_slots_are_never_added()
    {
        // A session nobody could attend would be booked as an absence for every patient.
        var changes = ScheduleExpander.Reconcile([], [Slot(2026, 6, 8, 23), Slot(2026, 6, 10, 15), Slot(2026, 6, 10, 16)], Now);

        Assert.Equal(Utc(2026, 6, 10, 16), Assert.Single(changes.ToAdd).Start);
    }

    [Fact]
    public void A_future_slot_on_a_day_whose_session_already_started_is_not_added()
    {
        var morning = Session(Slot(2026, 6, 10, 14));

        var changes = ScheduleExpander.Reconcile([morning], [Slot(2026, 6, 10, 22)], Now);

        Assert.Empty(changes.ToAdd);
    }

    [Fact]
    public void A_future_session_is_not_moved_to_a_time_that_has_already_passed()
    {
        // Tonight's session; the new rule puts today's meeting at 13:00Z, two hours ago.
        var tonight = Session(Slot(2026, 6, 10, 23));

        var changes = ScheduleExpander.Reconcile([tonight], [Slot(2026, 6, 10, 13)], Now);

        Assert.Empty(changes.ToUpdate);
        Assert.Empty(changes.ToAdd);
        Assert.Same(tonight, Assert.Single(changes.ToRemove));
    }

    [Fact]
    public void A_mixed_change_sorts_every_session_and_slot_into_exactly_one_bucket()
    {
        var started = Session(Slot(2026, 6, 8, 23));
        var keptThursday = Session(Slot(2026, 6, 11, 23));
        var droppedMonday = Session(Slot(2026, 6, 15, 23));
        var keptWednesday = Session(Slot(2026, 6, 17, 23));
        SessionSlot[] slots =
        [
            Slot(2026, 6, 9, 22),
            Slot(2026, 6, 11, 22),
            Slot(2026, 6, 16, 22),
            Slot(2026, 6, 17, 22),
            Slot(2026, 6, 18, 22),
        ];

        var changes = ScheduleExpander.Reconcile([started, keptThursday, droppedMonday, keptWednesday], slots, Now);

        Assert.Equal([Date(2026, 6, 16), Date(2026, 6, 18)], changes.ToAdd.Select(s => s.LocalDate));
        Assert.Equal([keptThursday, keptWednesday], changes.ToUpdate.Select(u => u.Session));
        Assert.Equal([slots[1], slots[3]], changes.ToUpdate.Select(u => u.Slot));
        Assert.Equal([droppedMonday], changes.ToRemove);
    }

    [Fact]
    public void Reconciling_an_unchanged_plan_only_refreshes_future_sessions()
    {
        SessionSlot[] slots = [Slot(2026, 6, 8, 23), Slot(2026, 6, 11, 23), Slot(2026, 6, 15, 23)];
        var sessions = slots.Select(Session).ToList();

        var changes = ScheduleExpander.Reconcile(sessions, slots, Now);

        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToRemove);
        Assert.Equal(sessions.Skip(1), changes.ToUpdate.Select(u => u.Session));
    }

    private static SessionSlot Slot(int year, int month, int day, int hourUtc, string topic = "Coping skills")
    {
        var start = Utc(year, month, day, hourUtc);
        return new SessionSlot(Date(year, month, day), start, start.AddHours(3), topic);
    }

    private static GroupSession Session(SessionSlot slot) => new(Guid.NewGuid(), ClinicId, GroupId, ScheduleId, slot);
}
