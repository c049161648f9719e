"""The floor of the HTTP benchmark: FastAPI `def` endpoints that do no work, served by uvicorn
with the options `planner serve` gives it, on a port named on the command line."""

from __future__ import annotations

import sys
from typing import Any

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Progress(BaseModel):
    percent: int
    note: str = ""


@app.get("/bare/{task_id}")
def read(task_id: str) -> dict[str, Any]:
    return {"task": {"task_id": task_id, "status": "in_progress", "percent": 40}}


@app.post("/bare/{task_id}")
def update(task_id: str, body: Progress) -> dict[str, Any]:
    return {"task": {"task_id": task_id, "status": "in_progress", "percent": body.percent}}


if __name__ == "__main__":
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(sys.argv[1]),
        log_config=None,
        log_level="warning",
        access_log=False,
    )
