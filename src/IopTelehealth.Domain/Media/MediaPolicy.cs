namespace IopTelehealth.Domain.Media;

/// <summary>
/// The media mode of this deployment and the mesh limit, for the room rules: <see cref="MediaMode.Sfu"/> when a media
/// plane (Janus) is configured, otherwise <see cref="MediaMode.Mesh"/>, where a room holds at most
/// <see cref="MeshSizeLimit"/> present participants (joins and admissions beyond it answer room-needs-sfu).
/// </summary>
public sealed record MediaPolicy(MediaMode Mode, int MeshSizeLimit)
{
    public static readonly MediaPolicy DefaultMesh = new(MediaMode.Mesh, MediaSettings.DefaultMeshSizeLimit);

    public void Enforce(Rooms.Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (Mode == MediaMode.Mesh)
        {
            room.EnsureMeshSize(MeshSizeLimit);
        }
    }
}
