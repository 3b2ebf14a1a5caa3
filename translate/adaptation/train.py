"""Fine-tuning a Marian checkpoint on a few thousand in-domain pairs, with PyTorch.

A plain loop rather than ``Seq2SeqTrainer``: the run must stop between any two
steps when the admin cancels, report progress to a table, and keep the best
weights by held-out loss; a dozen lines of loop say that more plainly than the
trainer's callbacks. The recipe is the usual one for small data: AdamW, a small
learning rate with linear warm-up and linear decay, label smoothing, gradient
clipping, and early stopping on the held-out loss with the best step's weights kept.
"""

from __future__ import annotations

import math
import os
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translate.adaptation.data import Pair
from translate.errors import SongnguError


class Cancelled(SongnguError):
    code = "cancelled"


@dataclass(frozen=True)
class TrainConfig:
    steps: int = 1000  # an upper bound: early stopping may end sooner
    learning_rate: float = 5e-5
    warmup_share: float = 0.1
    batch_size: int = 16
    weight_decay: float = 0.01
    label_smoothing: float = 0.1
    max_grad_norm: float = 1.0
    max_tokens: int = 256
    eval_every: int = 50
    patience: int = 4  # evaluations without a better held-out loss before stopping
    seed: int = 1234
    device: str = "auto"
    threads: int = 0  # CPU threads for PyTorch; 0: half the cores (the desk keeps the rest), at most 8

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class TrainResult:
    steps: int
    best_step: int
    best_heldout_loss: float | None
    stopped: str  # "steps" | "early" (no held-out progress)
    device: str
    seconds: float
    curve: list[dict] = field(default_factory=list)  # {"step", "train_loss", "heldout_loss"?, "lr"}

    def to_dict(self) -> dict:
        return asdict(self)


Progress = Callable[[int, int, dict], None]  # (step, total, last curve point); raise Cancelled to stop


def pick_device(setting: str) -> str:
    import torch

    if setting == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if setting == "cuda" and not torch.cuda.is_available():
        raise SongnguError("SONGNGU_DEVICE=cuda but PyTorch sees no CUDA device")
    return setting


def fine_tune(hf_dir: Path, out_dir: Path, train: list[Pair], heldout: list[Pair], config: TrainConfig,
              progress: Progress | None = None) -> TrainResult:
    """Train from ``hf_dir`` on ``train``, keep the weights with the lowest held-out loss, save to ``out_dir``."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer, get_linear_schedule_with_warmup
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    if not train:
        raise SongnguError("no training pairs")
    device = pick_device(config.device)
    t0 = time.perf_counter()
    if device == "cpu":
        # More threads than free cores makes every step many times slower, not faster.
        torch.set_num_threads(config.threads or max(1, min(8, (os.cpu_count() or 2) // 2)))
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    tokenizer = MarianTokenizer.from_pretrained(str(hf_dir))
    model = MarianMTModel.from_pretrained(str(hf_dir), dtype=torch.float32)
    model.to(device).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay)
    warmup = int(config.steps * config.warmup_share)
    schedule = get_linear_schedule_with_warmup(optimizer, warmup, config.steps)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=config.label_smoothing)

    def encode(batch: list[Pair]) -> dict:
        enc = tokenizer([p.source for p in batch], text_target=[p.target for p in batch], padding=True,
                        truncation=True, max_length=config.max_tokens, return_tensors="pt")
        labels = enc["labels"]
        labels[labels == tokenizer.pad_token_id] = -100
        return {k: v.to(device) for k, v in enc.items()}

    def step_loss(batch: list[Pair], smoothing: bool = True) -> torch.Tensor:
        enc = encode(batch)
        logits = model(**enc).logits
        labels = enc["labels"]
        if smoothing:
            return loss_fn(logits.view(-1, logits.size(-1)), labels.view(-1))
        return torch.nn.functional.cross_entropy(logits.view(-1, logits.size(-1)), labels.view(-1),
                                                 ignore_index=-100)

    def heldout_loss() -> float | None:
        if not heldout:
            return None
        model.eval()
        total, n = 0.0, 0
        with torch.inference_mode():
            for i in range(0, len(heldout), config.batch_size):
                batch = heldout[i:i + config.batch_size]
                total += float(step_loss(batch, smoothing=False)) * len(batch)
                n += len(batch)
        model.train()
        return total / n

    order: list[int] = []
    best_loss = heldout_loss()
    best_state = _snapshot(model)
    best_step, waited, stopped = 0, 0, "steps"
    curve: list[dict] = [{"step": 0, "train_loss": None, "heldout_loss": _round(best_loss)}]
    running: list[float] = []
    step = 0
    for step in range(1, config.steps + 1):
        if len(order) < config.batch_size:
            fresh = list(range(len(train)))
            rng.shuffle(fresh)
            order.extend(fresh)
        batch = [train[i] for i in order[:config.batch_size]]
        del order[:config.batch_size]
        loss = step_loss(batch)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config.max_grad_norm)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad(set_to_none=True)
        running.append(loss.item())
        if step % config.eval_every == 0 or step == config.steps:
            point = {"step": step, "train_loss": _round(sum(running) / len(running)),
                     "lr": schedule.get_last_lr()[0]}
            running.clear()
            held = heldout_loss()
            point["heldout_loss"] = _round(held)
            curve.append(point)
            if held is None or best_loss is None or held < best_loss:
                best_loss, best_state, best_step, waited = held, _snapshot(model), step, 0
            else:
                waited += 1
            if progress is not None:
                progress(step, config.steps, point)
            if waited >= config.patience:
                stopped = "early"
                break
        elif progress is not None:
            progress(step, config.steps, {"step": step, "train_loss": _round(running[-1])})
    model.load_state_dict(best_state)
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out_dir))
    tokenizer.save_pretrained(str(out_dir))
    return TrainResult(steps=step, best_step=best_step, best_heldout_loss=_round(best_loss), stopped=stopped,
                       device=device, seconds=round(time.perf_counter() - t0, 2), curve=curve)


def _snapshot(model) -> dict:
    """A copy of the weights on the CPU (the best step's, for early stopping)."""
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 4)
