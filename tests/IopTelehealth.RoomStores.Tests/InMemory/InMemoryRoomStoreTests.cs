using System.Text.Json;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.InMemory;
using IopTelehealth.Testing;

namespace IopTelehealth.RoomStores.Tests.InMemory;

public sealed class InMemoryRoomStoreTests : RoomStoreSpecification
{
    protected override IReadOnlyList<IRoomStore> CreateNodes(int count)
    {
        var store = new InMemoryRoomStore(TimeProvider.System);
        return [.. Enumerable.Repeat(store, count)];
    }

    /// <summary>The store swaps whole states, so the serialised state is what it holds.</summary>
    protected override async Task<string?> ReadStoredAsync(IRoomStore store, SessionId sessionId) =>
        await store.GetAsync(sessionId, Ct) is { } state ? JsonSerializer.Serialize(state) : null;

    [Fact]
    public async Task An_ended_room_and_its_chat_are_forgotten_after_the_retention()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new InMemoryRoomStore(clock);
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        await store.AppendChatAsync(sessionId, new ChatMessage("m1", therapist.Id, "Dr. Reed", null, false, "hello", clock.GetUtcNow()), Ct);
        var ended = await store.Change(sessionId, room =>
        {
            room.End(therapist.Id, clock.GetUtcNow());
            return true;
        });

        clock.Advance(ended.State.ScheduledEnd - clock.GetUtcNow() + InMemoryRoomStore.Retention - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.GetAsync(sessionId, Ct));
        Assert.Single(await store.ReadChatAsync(sessionId, 10, Ct));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await store.ListActiveAsync(Ct));
        Assert.Null(await store.GetAsync(sessionId, Ct));
        Assert.Empty(await store.ReadChatAsync(sessionId, 10, Ct));
    }

    [Fact]
    public async Task A_room_changed_after_its_scheduled_end_is_kept_for_the_retention_after_that_change()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new InMemoryRoomStore(clock);
        var sessionId = TestRooms.NewSession();
        var therapist = await store.JoinAsync(sessionId, TestRooms.Therapist());
        var scheduledEnd = (await store.GetAsync(sessionId, Ct))!.ScheduledEnd;

        clock.Advance(scheduledEnd - clock.GetUtcNow() + TimeSpan.FromHours(2));
        await store.Change(sessionId, room =>
        {
            room.RaiseHand(therapist.Id);
            return true;
        });
        clock.Advance(InMemoryRoomStore.Retention - TimeSpan.FromSeconds(1));

        Assert.Equal([sessionId], await store.ListActiveAsync(Ct));
    }
}
