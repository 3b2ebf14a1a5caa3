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
            if eos in ids:
                ids = ids[: ids.index(eos)]
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
                )
            )
        return hyps

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

