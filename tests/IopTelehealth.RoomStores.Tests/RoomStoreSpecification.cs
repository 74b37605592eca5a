using System.Text.Json;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>
/// What every <see cref="IRoomStore"/> must do. Each adapter's test class inherits this and says how to make nodes
/// over one fresh, empty store and how to read a room's stored bytes.
/// </summary>
public abstract partial class RoomStoreSpecification
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> nodes sharing one fresh store (the in-memory store is a single node: the same instance).</summary>
    protected abstract IReadOnlyList<IRoomStore> CreateNodes(int count);

    /// <summary>The room exactly as stored, or null when it is absent.</summary>
    protected abstract Task<string?> ReadStoredAsync(IRoomStore store, SessionId sessionId);

    protected IRoomStore CreateStore() => CreateNodes(1)[0];

    [Fact]
    public async Task An_unknown_room_reads_as_absent()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync(TestRooms.NewSession(), Ct));
    }

    [Fact]
    public async Task The_first_change_creates_the_room_and_stores_its_result()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();

        var change = await store.Change(sessionId, room => room.Join(TestRooms.Therapist(), DateTimeOffset.UtcNow, Room.DefaultGraceWindow));

        var stored = await store.GetAsync(sessionId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(sessionId, stored.SessionId);
        Assert.Equal(RoomPhase.Live, stored.Phase);
        Assert.Equal(change.Result.Participant.Id, Assert.Single(stored.Participants).Id);
        Assert.Equal(change.State.Version, stored.Version);
        Assert.Contains(change.Events, e => e is ParticipantJoined);
    }

    [Fact]
    public async Task Create_runs_only_while_the_room_is_absent()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var creations = 0;
        RoomState Create()
        {
            creations++;
            return TestRooms.OpenRoom(sessionId)();
        }

        await store.ChangeAsync(sessionId, Create, room => room.Join(TestRooms.Therapist(), DateTimeOffset.UtcNow, Room.DefaultGraceWindow), Ct);
        await store.ChangeAsync(sessionId, Create, room => room.Join(TestRooms.Patient(), DateTimeOffset.UtcNow, Room.DefaultGraceWindow), Ct);

        Assert.Equal(1, creations);
        Assert.Equal(2, (await store.GetAsync(sessionId, Ct))!.Participants.Count);
    }

    [Fact]
    public async Task A_refused_transition_leaves_the_stored_room_byte_identical()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        var patient = await store.JoinAsync(sessionId, TestRooms.Patient());
        var before = await ReadStoredAsync(store, sessionId);

        // The transition changes the room, then is refused: none of its half-done work may reach the store.
        var refused = await Assert.ThrowsAsync<RoomException>(() => store.Change(sessionId, room =>
        {
            room.SetLocked(therapist.Id, true);
            room.Mute(therapist.Id, patient.Id);
            return true;
        }));

        Assert.Equal(RoomErrors.NotAdmitted, refused.Code);
        Assert.NotNull(before);
        Assert.Equal(before, await ReadStoredAsync(store, sessionId));
    }

    [Fact]
    public async Task A_refused_first_transition_stores_no_room()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();

        var refused = await Assert.ThrowsAsync<RoomException>(() => store.Change(sessionId, room => room.Join(TestRooms.Patient() with { Attestation = null }, DateTimeOffset.UtcNow, Room.DefaultGraceWindow)));

        Assert.Equal(RoomErrors.AttestationRequired, refused.Code);
        Assert.Null(await store.GetAsync(sessionId, Ct));
        Assert.DoesNotContain(sessionId, await store.ListActiveAsync(Ct));
    }

    [Fact]
    public async Task States_handed_out_are_copies_the_caller_cannot_change_the_store_through()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var change = await store.Change(sessionId, room => room.Join(TestRooms.Therapist(), DateTimeOffset.UtcNow, Room.DefaultGraceWindow));
        var read = await store.GetAsync(sessionId, Ct);

        change.Result.Participant.DisplayName = "changed";
        change.State.Locked = true;
        change.State.Participants.Clear();
        read!.Participants[0].DisplayName = "changed";

        var stored = await store.GetAsync(sessionId, Ct);
        Assert.False(stored!.Locked);
        Assert.Equal("Dr. Reed", Assert.Single(stored.Participants).DisplayName);
    }

    [Fact]
    public async Task Every_field_of_a_busy_room_survives_the_store()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        var muted = await store.AdmittedPatientAsync(sessionId, therapist);
        var dropped = await store.AdmittedPatientAsync(sessionId, therapist);
        var banned = await store.AdmittedPatientAsync(sessionId, therapist);
        await store.JoinAsync(sessionId, TestRooms.Patient());
        var last = await store.Change(sessionId, room =>
        {
            room.Mute(therapist.Id, muted.Id);
            room.RaiseHand(muted.Id);
            room.StopVideo(therapist.Id, muted.Id);
            room.SetSpotlight(therapist.Id, muted.Id);
            room.Remove(therapist.Id, banned.Id, banForSession: true, DateTimeOffset.UtcNow);
            room.Disconnect(room.State.Find(dropped.Id)!.ConnectionId!, LeaveReason.Dropped, DateTimeOffset.UtcNow);
            room.SetLocked(therapist.Id, true);
            return true;
        });

        var stored = await store.GetAsync(sessionId, Ct);

        Assert.Equal(JsonSerializer.Serialize(last.State), JsonSerializer.Serialize(stored));
        Assert.Equal(TestRooms.Home, stored!.Find(muted.Id)!.Attestation);
        Assert.Equal(muted.Id, stored.Spotlight);
    }

    [Fact]
    public async Task Ended_rooms_are_not_listed_as_active()
    {
        var store = CreateStore();
        var live = TestRooms.NewSession();
        var ended = TestRooms.NewSession();
        await store.JoinAsync(live, TestRooms.Therapist());
        var therapist = await store.JoinAsync(ended, TestRooms.Therapist());

        await store.Change(ended, room =>
        {
            room.End(therapist.Id, DateTimeOffset.UtcNow);
            return true;
        });

        Assert.Equal([live], await store.ListActiveAsync(Ct));
        Assert.Equal(RoomPhase.Ended, (await store.GetAsync(ended, Ct))!.Phase);
    }

    [Fact]
    public async Task Chat_reads_oldest_first_and_keeps_only_the_last_500_lines()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        for (var i = 0; i < 510; i++)
        {
            await store.AppendChatAsync(sessionId, Line(therapist.Id, i), Ct);
        }

        var all = await store.ReadChatAsync(sessionId, 1000, Ct);
        var lastThree = await store.ReadChatAsync(sessionId, 3, Ct);

        Assert.Equal(500, all.Count);
        Assert.Equal(Enumerable.Range(10, 500).Select(i => $"line {i}"), all.Select(m => m.Text));
        Assert.Equal(["line 507", "line 508", "line 509"], lastThree.Select(m => m.Text));
        Assert.Equal(Line(therapist.Id, 509), lastThree[2]);
    }

    [Fact]
    public async Task Chat_is_kept_per_session()
    {
        var store = CreateStore();
        var first = TestRooms.NewSession();
        var second = TestRooms.NewSession();
        var therapist = await store.JoinAsync(first, TestRooms.Therapist());
        await store.JoinAsync(second, TestRooms.Therapist());

        await store.AppendChatAsync(first, Line(therapist.Id, 1), Ct);

        Assert.Single(await store.ReadChatAsync(first, 10, Ct));
        Assert.Empty(await store.ReadChatAsync(second, 10, Ct));
    }

    /// <summary>A private line to a participant, with every field set, so a lossy serializer shows.</summary>
    private static ChatMessage Line(ParticipantId from, int i) =>
        new($"m{i}", from, "Dr. Reed", new ParticipantId("abc123"), Private: i % 2 == 1, $"line {i}", new DateTimeOffset(2026, 3, 9, 18, 0, 0, TimeSpan.Zero).AddSeconds(i));
}
