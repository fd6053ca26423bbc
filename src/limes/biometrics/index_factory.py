"""From the `face_index` setting to a function that builds the 1:N face index."""

from limes.biometrics.face_gallery import IndexFactory
from limes.biometrics.ports import VectorIndex
from limes.biometrics.sharded_index import IndexSpec, ShardedIndex, build_index


def face_index_factory(kind: str, shards: int) -> IndexFactory:
    """The index `kind` names ("exact", "faiss-binary", "faiss-flat"), in `shards` shards.

    One shard is searched in the calling process; more shards each live in a worker
    process (`sharded_index.py`), searched in parallel and merged.
    """

    def make(dimension: int) -> VectorIndex:
        spec = IndexSpec(kind.removeprefix("faiss-"), dimension)
        if shards == 1:
            return build_index(spec, threads=1)
        return ShardedIndex.start(spec, shards)

    return make
