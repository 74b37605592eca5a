using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>What every <see cref="IMediaRoomDirectory"/> must do; the in-memory and Redis directories inherit it.</summary>
public abstract class MediaRoomDirectorySpecification
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Directories that share state, as the server nodes of one deployment do.</summary>
    protected abstract IReadOnlyList<IMediaRoomDirectory> CreateNodes(int count);

    private static MediaRoomRecord Record(string node, long room) => new(node, room, "secret-" + room, "pin-" + room, 8);

    [Fact]
    public async Task A_session_without_a_room_has_no_record()
    {
        var directory = CreateNodes(1)[0];

        Assert.Null(await directory.GetAsync(new SessionId(Guid.NewGuid()), Ct));
    }

    [Fact]
    public async Task The_first_record_wins_and_every_node_reads_it()
    {
        var nodes = CreateNodes(2);
        var session = new SessionId(Guid.NewGuid());

        var first = await nodes[0].GetOrAddAsync(session, Record("janus-a", 1), Ct);
        var second = await nodes[1].GetOrAddAsync(session, Record("janus-b", 2), Ct);

        Assert.Equal(Record("janus-a", 1), first);
        Assert.Equal(first, second);
        Assert.Equal(first, await nodes[1].GetAsync(session, Ct));
    }

    [Fact]
    public async Task Nodes_placing_the_same_session_at_once_agree_on_one_room()
    {
        var nodes = CreateNodes(2);
        var session = new SessionId(Guid.NewGuid());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => nodes[i % 2].GetOrAddAsync(session, Record($"janus-{i % 2}", 100 + i), Ct)));

        Assert.Single(results.Distinct());
    }

    [Fact]
    public async Task A_removed_record_is_gone_and_the_session_can_be_placed_again()
    {
        var nodes = CreateNodes(2);
        var session = new SessionId(Guid.NewGuid());
        await nodes[0].GetOrAddAsync(session, Record("janus-a", 1), Ct);

        await nodes[1].RemoveAsync(session, Ct);

        Assert.Null(await nodes[0].GetAsync(session, Ct));
        Assert.Equal(Record("janus-b", 2), await nodes[0].GetOrAddAsync(session, Record("janus-b", 2), Ct));
    }
}
