"""Fenggang Reader: read and listen to the 2025年凤岗镇政府工作报告 with pinyin, at any size."""

__version__ = "0.1.0"
APP_ID = "cn.gov.fenggang.Reader"
