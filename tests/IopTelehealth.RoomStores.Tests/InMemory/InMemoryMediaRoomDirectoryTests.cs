using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus.VideoRoom;

namespace IopTelehealth.RoomStores.Tests.InMemory;

public sealed class InMemoryMediaRoomDirectoryTests : MediaRoomDirectorySpecification
{
    protected override IReadOnlyList<IMediaRoomDirectory> CreateNodes(int count)
    {
        var directory = new InMemoryMediaRoomDirectory();
        return [.. Enumerable.Repeat(directory, count)];
    }
}
