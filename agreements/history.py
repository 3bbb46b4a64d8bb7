def history_recompute(*, agency_ids: object) -> None:
    raise NotImplementedError
