using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>Atomicity under load: no change may be lost, whichever task or node makes it.</summary>
public abstract partial class RoomStoreSpecification
{
    [Fact]
    public async Task Fifty_parallel_admits_mutes_and_raised_hands_all_land()
    {
        var nodes = CreateNodes(2);
        var sessionId = TestRooms.NewSession();
        var therapist = await nodes[0].JoinAsync(sessionId, TestRooms.Therapist());
        var admitted = new List<RoomParticipant>();
        var waiting = new List<RoomParticipant>();
        for (var i = 0; i < 17; i++)
        {
            admitted.Add(await nodes[0].AdmittedPatientAsync(sessionId, therapist));
            waiting.Add(await nodes[0].JoinAsync(sessionId, TestRooms.Patient()));
        }

        var changes = new List<Func<Room, bool>>();
        changes.AddRange(waiting.Select(p => Act(room => room.Admit(therapist.Id, p.Id, DateTimeOffset.UtcNow))));
        changes.AddRange(admitted.Select(p => Act(room => room.Mute(therapist.Id, p.Id))));
        changes.AddRange(admitted.Take(16).Select(p => Act(room => room.RaiseHand(p.Id))));
        Assert.Equal(50, changes.Count);

        // Every change on its own task, alternating between the nodes, all released at once.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = changes.Select((change, i) => Task.Run(async () =>
        {
            await start.Task;
            return await nodes[i % nodes.Count].Change(sessionId, change);
        }, Ct)).ToList();
        start.SetResult();
        await Task.WhenAll(running);

        var room = (await nodes[1].GetAsync(sessionId, Ct))!;
        Assert.All(waiting, p => Assert.Equal(Admission.Admitted, room.Find(p.Id)!.Admission));
        Assert.All(admitted, p => Assert.True(room.Find(p.Id)!.HardMuted));
        var hands = admitted.Take(16).Select(p => room.Find(p.Id)!.HandRaisedAt).ToList();
        Assert.All(hands, h => Assert.NotNull(h));
        Assert.Equal(16, hands.Distinct().Count());
        Assert.Null(room.Find(admitted[16].Id)!.HandRaisedAt);
        Assert.Empty(room.Lobby);
    }

    [Fact]
    public async Task Two_nodes_creating_the_same_room_at_once_end_with_one_room_holding_both_joins()
    {
        var nodes = CreateNodes(2);
        // Many fresh rooms, so the create-create race is actually hit rather than hoped for.
        for (var round = 0; round < 20; round++)
        {
            var sessionId = TestRooms.NewSession();
            var therapist = TestRooms.Therapist("node-a");
            var coFacilitator = TestRooms.CoFacilitator("node-b");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var joins = new[] { (nodes[0], therapist), (nodes[1], coFacilitator) }.Select(join => Task.Run(async () =>
            {
                await start.Task;
                return await join.Item1.JoinAsync(sessionId, join.Item2);
            }, Ct)).ToList();
            start.SetResult();
            var joined = await Task.WhenAll(joins);

            var room = (await nodes[0].GetAsync(sessionId, Ct))!;
            Assert.Equal(joined.Select(p => p.Id.Value).Order(), room.Participants.Select(p => p.Id.Value).Order());
            Assert.Equal(new[] { therapist.UserId, coFacilitator.UserId }.Order(), room.Participants.Select(p => p.UserId).Order());
        }
    }

    private static Func<Room, bool> Act(Action<Room> action) => room =>
    {
        action(room);
        return true;
    };
}
