"""From the `face_index` setting to a function that builds the 1:N face index."""

from limes.biometrics.face_gallery import IndexFactory
from limes.biometrics.ports import VectorIndex


def face_index_factory(kind: str, shards: int) -> IndexFactory:
    """ "exact", "faiss-binary", "faiss-ivf" or "faiss-flat"; shards > 1: worker processes."""

    def make(dimension: int) -> VectorIndex:
        if kind == "exact" and shards == 1:
            from limes.biometrics.exact_index import ExactIndex

            return ExactIndex(dimension)
        from limes.biometrics.sharded_index import IndexSpec, ShardedIndex

        spec = IndexSpec(kind=kind.removeprefix("faiss-"), dimension=dimension)
        if shards == 1:
            return spec.build()
        return ShardedIndex(spec, shards)

    return make
