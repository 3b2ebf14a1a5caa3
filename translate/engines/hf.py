"""The reference backend: MarianMT on PyTorch through transformers.

Slower than CTranslate2 but it loads any Marian checkpoint as-is, so it is the
yardstick the benchmark and the tests compare against.
"""

from __future__ import annotations

import threading

from translate.engines.base import DecodingSettings, Engine, Hypothesis, TermConstraint
from translate.errors import EngineError


class TransformersEngine(Engine):
    name = "transformers"

    def __init__(self, model, device: str = "auto", threads: int = 0) -> None:
        super().__init__(model)
        import torch
        import transformers
        from transformers import MarianMTModel, MarianTokenizer

        self.version = transformers.__version__
        if threads:
            torch.set_num_threads(threads)
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.device = device
        self.compute_type = "float16" if device == "cuda" else "float32"
        try:
            self.tokenizer = MarianTokenizer.from_pretrained(str(model.hf_path))
            self.net = MarianMTModel.from_pretrained(
                str(model.hf_path),
                dtype=torch.float16 if device == "cuda" else torch.float32,
                attn_implementation="eager",
            )
        except (OSError, ValueError) as exc:
            raise EngineError(f"cannot load Marian checkpoint {model.hf_path}: {exc}") from exc
        self.net.to(device).eval()
        self._torch = torch
        self._lock = threading.Lock()

    def translate_batch(
        self,
        sentences: list[str],
        settings: DecodingSettings,
        constraints: list[list[TermConstraint]] | None = None,
        with_attention: bool = False,
        source_tokens: list[list[str]] | None = None,
        target_prefix: list[list[str]] | None = None,
    ) -> list[Hypothesis]:
        if not sentences:
            return []
        torch = self._torch
        enc = self.tokenizer(sentences, return_tensors="pt", padding=True).to(self.device)
        longest = int(enc["attention_mask"].sum(dim=1).max())
        max_len = settings.max_length(longest)
        gen_kwargs = {
            "num_beams": settings.beam_size,
            "length_penalty": settings.length_penalty,
            "max_new_tokens": max_len,
            "return_dict_in_generate": True,
            "output_scores": True,
            "early_stopping": True,
        }
        if settings.fixed_length is not None:
            gen_kwargs["min_new_tokens"] = settings.fixed_length
        bad = self.forbidden_ids(constraints)
        if bad:
            gen_kwargs["bad_words_ids"] = bad
        if target_prefix is not None and any(target_prefix):
            from transformers import LogitsProcessorList

            forced = [self.tokenizer.convert_tokens_to_ids(p or []) for p in target_prefix]
            gen_kwargs["logits_processor"] = LogitsProcessorList([_ForcedPrefix(forced, settings.beam_size, torch)])
        with self._lock, torch.inference_mode():
            out = self.net.generate(**enc, **gen_kwargs)
        seqs = out.sequences
        scores = getattr(out, "sequences_scores", None)
        attention = self._attention(enc, seqs) if with_attention else None
        pad = self.tokenizer.pad_token_id
        eos = self.tokenizer.eos_token_id
        hyps = []
        for i in range(len(sentences)):
            ids = [t for t in seqs[i].tolist()[1:] if t != pad]
            finished = eos in ids
            if finished:
                ids = ids[: ids.index(eos)]
            # Marian forces end-of-sentence at the length limit: an end there is a cut, not a finish.
            finished = finished and len(ids) < max_len - 1
            src_len = int(enc["attention_mask"][i].sum())
            src_ids = enc["input_ids"][i].tolist()[:src_len]
            tokens = self.tokenizer.convert_ids_to_tokens(ids)
            att = None
            if attention is not None:
                att = attention[i][: len(ids), :src_len].tolist()
            hyps.append(
                Hypothesis(
                    text=self.tokenizer.decode(ids, skip_special_tokens=True),
                    score=float(scores[i]) if scores is not None else 0.0,
                    source_tokens=self.tokenizer.convert_ids_to_tokens(src_ids),
                    target_tokens=tokens,
                    attention=att,
                    extra={"finished": finished},
                )
            )
        return hyps

    def score_batch(self, source_tokens: list[list[str]], target_pieces: list[list[str]]) -> list[float]:
        torch = self._torch
        tok = self.tokenizer
        pad, eos = tok.pad_token_id, tok.eos_token_id
        start = self.net.config.decoder_start_token_id
        out: list[float] = []
        for lo in range(0, len(source_tokens), 32):
            src = [tok.convert_tokens_to_ids(t) for t in source_tokens[lo:lo + 32]]
            tgt = [[*tok.convert_tokens_to_ids(t), eos] for t in target_pieces[lo:lo + 32]]
            n_src, n_tgt = max(map(len, src)), max(map(len, tgt))
            input_ids = torch.tensor([s + [pad] * (n_src - len(s)) for s in src], device=self.device)
            src_mask = torch.tensor([[1] * len(s) + [0] * (n_src - len(s)) for s in src], device=self.device)
            labels = torch.tensor([t + [pad] * (n_tgt - len(t)) for t in tgt], device=self.device)
            dec_in = torch.tensor([[start, *t[:-1]] + [pad] * (n_tgt - len(t)) for t in tgt], device=self.device)
            tgt_mask = torch.tensor([[1] * len(t) + [0] * (n_tgt - len(t)) for t in tgt], device=self.device)
            with self._lock, torch.inference_mode():
                logits = self.net(input_ids=input_ids, attention_mask=src_mask, decoder_input_ids=dec_in,
                                  decoder_attention_mask=tgt_mask).logits
            logp = torch.log_softmax(logits.float(), dim=-1).gather(-1, labels.unsqueeze(-1)).squeeze(-1)
            sums = (logp * tgt_mask).sum(dim=1) / tgt_mask.sum(dim=1)
            out.extend(float(v) for v in sums.cpu())
        return out

    def _attention(self, enc, seqs):
        """Cross-attention of the chosen hypotheses, by one teacher-forced pass (last layer, mean of heads)."""
        torch = self._torch
        with self._lock, torch.inference_mode():
            out = self.net(
                input_ids=enc["input_ids"],
                attention_mask=enc["attention_mask"],
                decoder_input_ids=seqs[:, :-1] if seqs.shape[1] > 1 else seqs,
                output_attentions=True,
            )
        cross = out.cross_attentions[-1]  # batch, heads, tgt, src
        return cross.mean(dim=1).float().cpu()


class _ForcedPrefix:
    """A logits processor that forces each sentence's first tokens (its prefix), then lets the model go.

    Every beam of a sentence keeps only the forced token while the prefix lasts (its own
    log-probability kept, so the beam's score stays the model's), which is what CTranslate2's
    ``target_prefix`` does; prefixes of different lengths share one batch.
    """

    def __init__(self, prefixes: list[list[int]], beams: int, torch) -> None:
        width = max((len(p) for p in prefixes), default=0)
        rows = [p + [-1] * (width - len(p)) for p in prefixes for _ in range(beams)]
        self.forced = torch.tensor(rows, dtype=torch.long) if width else None
        self.torch = torch

    def __call__(self, input_ids, scores):
        step = input_ids.shape[1] - 1  # pieces generated after the decoder's start token
        if self.forced is None or step >= self.forced.shape[1]:
            return scores
        torch = self.torch
        column = self.forced[:, step].to(scores.device)
        rows = (column >= 0).nonzero(as_tuple=True)[0]
        if rows.numel() == 0:
            return scores
        tokens = column[rows]
        kept = scores[rows, tokens]
        kept = torch.where(torch.isfinite(kept), kept, torch.zeros_like(kept))
        scores[rows] = float("-inf")
        scores[rows, tokens] = kept
        return scores
