// Runs before each test file's modules: the globals and app state Taro's build would provide.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
global.defineAppConfig = (config) => config;
global.definePageConfig = (config) => config;

// Load @tarojs/taro first: loading the runtime before it hits a circular import on `history`.
require('@tarojs/taro');

// Taro 4's hooks take React from the state only this call sets.
const React = require('react');
const ReactDOM = require('react-dom');
const { createReactApp } = require('@tarojs/plugin-framework-react/dist/runtime');
createReactApp(function TestApp(props) { return props.children; }, React, ReactDOM, { appId: 'app' });
