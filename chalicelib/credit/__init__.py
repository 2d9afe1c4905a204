"""Credit facilities (授信 / 用信 / 额度控制): facilities per subsidiary, drawdown holds, group facilities."""
