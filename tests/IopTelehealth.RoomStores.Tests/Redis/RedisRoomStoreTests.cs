using System.Text;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Redis;
using StackExchange.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

public sealed class RedisRoomStoreTests(RedisServerFixture redis) : RoomStoreSpecification, IClassFixture<RedisServerFixture>
{
    private string _prefix = "";

    /// <summary>One store per multiplexer in turn: nodes that share nothing but Redis.</summary>
    protected override IReadOnlyList<IRoomStore> CreateNodes(int count)
    {
        _prefix = redis.NewTestPrefix();
        var options = new RedisRoomsOptions { KeyPrefix = _prefix };
        return [.. Enumerable.Range(0, count).Select(i => new RedisRoomStore(redis.Nodes[i % redis.Nodes.Count], options, TimeProvider.System))];
    }

    /// <summary>The raw hash (revision and JSON bytes), so "unchanged" means unchanged in Redis, not just equal after parsing.</summary>
    protected override async Task<string?> ReadStoredAsync(IRoomStore store, SessionId sessionId)
    {
        var fields = await Database.HashGetAllAsync(RoomKey(sessionId));
        return fields.Length == 0 ? null : string.Join("\n", fields.OrderBy(f => f.Name.ToString()).Select(f => $"{f.Name}={f.Value}"));
    }

    private IDatabase Database => redis.Nodes[0].GetDatabase();

    private RedisKey RoomKey(SessionId sessionId) => $"{_prefix}room:{sessionId}";

    [Fact]
    public async Task A_room_and_its_chat_expire_the_retention_after_the_scheduled_end()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        await store.AppendChatAsync(sessionId, new ChatMessage("m1", therapist.Id, "Dr. Reed", null, false, "hello", DateTimeOffset.UtcNow), Ct);
        var scheduledEnd = (await store.GetAsync(sessionId, Ct))!.ScheduledEnd;
        var expected = (scheduledEnd + new RedisRoomsOptions().Retention).ToUnixTimeMilliseconds();

        var roomExpiry = await Database.KeyExpireTimeAsync(RoomKey(sessionId));
        var chatExpiry = await Database.KeyExpireTimeAsync($"{_prefix}chat:{sessionId}");

        Assert.Equal(expected, new DateTimeOffset(roomExpiry!.Value).ToUnixTimeMilliseconds());
        Assert.Equal(expected, new DateTimeOffset(chatExpiry!.Value).ToUnixTimeMilliseconds(), tolerance: 5);
    }

    [Fact]
    public async Task The_stored_json_holds_data_only_with_ids_as_plain_strings()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());

        var json = Encoding.UTF8.GetString((byte[])(await Database.HashGetAsync(RoomKey(sessionId), "state"))!);

        Assert.Contains($"\"SessionId\":\"{sessionId.Value}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"Id\":\"{therapist.Id.Value}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Lobby", json, StringComparison.Ordinal);
        Assert.DoesNotContain("IsPresent", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transition_that_changes_nothing_writes_nothing()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        await store.Change(sessionId, room => Raise(room, therapist.Id));
        var before = await ReadStoredAsync(store, sessionId);

        var again = await store.Change(sessionId, room => Raise(room, therapist.Id));

        Assert.Empty(again.Events);
        Assert.Equal(before, await ReadStoredAsync(store, sessionId));
    }

    [Fact]
    public async Task A_lost_race_re_runs_the_transition_on_the_room_as_the_other_node_left_it()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        var runs = 0;

        var change = await store.Change(sessionId, room =>
        {
            if (++runs == 1)
            {
                OtherNodeWrites(sessionId);
            }

            return Raise(room, therapist.Id);
        });

        Assert.Equal(2, runs);
        Assert.NotNull((await store.GetAsync(sessionId, Ct))!.Find(therapist.Id)!.HandRaisedAt);
        Assert.Equal(change.State.Version, (await store.GetAsync(sessionId, Ct))!.Version);
    }

    [Fact]
    public async Task A_room_that_keeps_changing_elsewhere_answers_conflict_after_the_last_attempt()
    {
        var options = new RedisRoomsOptions { KeyPrefix = redis.NewTestPrefix(), MaxChangeAttempts = 3 };
        _prefix = options.KeyPrefix;
        var store = new RedisRoomStore(redis.Nodes[0], options, TimeProvider.System);
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        var runs = 0;

        var refused = await Assert.ThrowsAsync<RoomException>(() => store.Change(sessionId, room =>
        {
            runs++;
            OtherNodeWrites(sessionId);
            return Raise(room, therapist.Id);
        }));

        Assert.Equal(RoomErrors.Conflict, refused.Code);
        Assert.Equal(3, runs);
        Assert.Null((await store.GetAsync(sessionId, Ct))!.Find(therapist.Id)!.HandRaisedAt);
    }

    /// <summary>Another node's write, as the store sees it: the revision moves on between our read and our write.</summary>
    private void OtherNodeWrites(SessionId sessionId) => redis.Nodes[1].GetDatabase().HashIncrement(RoomKey(sessionId), "rev");

    private static bool Raise(Room room, ParticipantId id)
    {
        room.RaiseHand(id);
        return true;
    }
}
