using IopTelehealth.Domain.Attendance;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>
/// Attendance facts a transition staged are room state written in the same swap, and the store can say which rooms still
/// hold some (ended ones too), so any node can hand them to the ledger after the node that made them died.
/// </summary>
public abstract partial class RoomStoreSpecification
{
    [Fact]
    public async Task Staged_attendance_facts_survive_the_store_and_the_room_is_listed_until_they_are_acknowledged()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var quiet = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        await store.AdmittedPatientAsync(sessionId, therapist);
        await store.JoinAsync(quiet, TestRooms.Therapist());
        await store.Change(quiet, room => room.AcknowledgeAttendance([.. room.State.PendingAttendance.Select(f => f.EventId)]));

        var staged = (await store.GetAsync(sessionId, Ct))!.PendingAttendance;

        Assert.Equal(2, staged.Count);
        Assert.All(staged, f => Assert.Equal(AttendanceEventKind.Opened, f.Kind));
        Assert.Equal("Home, Evanston, IL", staged[1].Location);
        Assert.Equal([sessionId], await store.ListPendingAttendanceAsync(Ct));

        await store.Change(sessionId, room => room.AcknowledgeAttendance([staged[0].EventId]));

        Assert.Equal([staged[1]], (await store.GetAsync(sessionId, Ct))!.PendingAttendance);
        Assert.Equal([sessionId], await store.ListPendingAttendanceAsync(Ct));

        await store.Change(sessionId, room => room.AcknowledgeAttendance([staged[1].EventId]));

        Assert.Empty((await store.GetAsync(sessionId, Ct))!.PendingAttendance);
        Assert.Empty(await store.ListPendingAttendanceAsync(Ct));
    }

    [Fact]
    public async Task An_ended_room_whose_end_the_ledger_has_not_heard_of_is_listed_as_pending_but_not_active()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());

        await store.Change(sessionId, room =>
        {
            room.End(therapist.Id, DateTimeOffset.UtcNow);
            return true;
        });

        Assert.Empty(await store.ListActiveAsync(Ct));
        Assert.Equal([sessionId], await store.ListPendingAttendanceAsync(Ct));
        Assert.Contains((await store.GetAsync(sessionId, Ct))!.PendingAttendance, f => f.Kind == AttendanceEventKind.SessionEnded);
    }
}
